/// Writes one CSV field, quoted where needed, and defused where a spreadsheet would read it
/// as a formula (a value starting with =, +, -, @, tab or carriage return gets a leading ').
public enum CSVField {
    public static func escape(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A plain negative number (a progress score) stays a number: it cannot run as a formula.
            let negativeNumber = first == "-" && Double(text) != nil
            if !negativeNumber { text = "'" + text }
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        return text
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }
}
