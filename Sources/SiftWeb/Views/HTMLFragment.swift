/// Markup written in Swift for the parts of a page that repeat by the hundred: the rows of
/// the establishment list and the choices of its filters. Leaf interprets each cell of a loop
/// through dictionaries of values, which on a page of fifty establishments cost more than
/// everything else the request did; the page around them stays in Leaf and shows them with
/// `#unsafeHTML`. Every value written here goes through `escape`.
enum HTMLFragment {
    /// Text made safe to place in an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// A select's choices, the chosen one marked.
    static func options(_ choices: [(value: String, label: String)], selected: String?) -> String {
        var html = ""
        for choice in choices {
            html += "<option value=\"\(escape(choice.value))\"\(choice.value == selected ? " selected" : "")>\(escape(choice.label))</option>\n"
        }
        return html
    }
}
