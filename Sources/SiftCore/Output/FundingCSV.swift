/// A year's funding as spreadsheet rows: one per establishment, category period and funding
/// rule (their `amount` column adds up to the year), and one per network and rule for the totals.
/// The `rows` functions give the cells unescaped (for a page); `csv` escapes every cell with
/// `CSVField`, so a school name starting with "=" cannot run as a formula.
public enum FundingCSV {
    public static let establishmentHeader = [
        "urn", "name", "network", "academic_year", "rule", "category", "designation", "from", "to", "days", "share",
        "full_year_amount", "amount", "pupils", "rate", "weight", "triggered", "note",
    ]

    public static let totalsHeader = [
        "scope", "network", "rule", "establishments", "triggering", "pupils_counted", "amount", "not_worked_out", "notes",
    ]

    public static func establishmentRows(_ establishments: [EstablishmentFunding]) -> [[String]] {
        var rows: [[String]] = []
        for member in establishments {
            for period in member.funding.periods {
                for (full, part) in zip(period.fullYear, period.lines) {
                    rows.append([
                        member.urn, member.name, member.network ?? "", member.funding.year.description, part.id,
                        period.period.category, period.period.designation ?? "", period.period.from.description,
                        period.to.description, String(period.days), Tree.format(rounded(period.share, places: 6)),
                        full.amount.map(money) ?? "", part.amount.map(money) ?? "", part.pupils.map(String.init) ?? "",
                        part.rate.map(Tree.format) ?? "", part.weight.map(Tree.format) ?? "",
                        part.triggered.map { $0 ? "yes" : "no" } ?? "",
                        part.amount == nil ? "not worked out: \(part.note ?? "no amount")" : part.note ?? "",
                    ])
                }
            }
        }
        return rows
    }

    public static func totalRows(_ totals: FundingTotals) -> [[String]] {
        (totals.networks + [totals.authority]).flatMap { total in
            total.rules.map { rule in
                [
                    scope(total.scope), network(total.scope), rule.id, String(rule.establishments),
                    rule.triggered.map(String.init) ?? "", String(rule.pupils), money(rule.amount),
                    String(rule.notWorkedOut.count),
                    rule.notWorkedOut.map { "\($0.urn) \($0.name): \($0.notes.joined(separator: ", "))" }.joined(separator: "; "),
                ]
            }
        }
    }

    public static func csv(_ establishments: [EstablishmentFunding]) -> String {
        document(establishmentHeader, establishmentRows(establishments))
    }

    public static func csv(_ totals: FundingTotals) -> String {
        document(totalsHeader, totalRows(totals))
    }

    private static func document(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(CSVField.row).joined(separator: "\n") + "\n"
    }

    private static func scope(_ scope: FundingScope) -> String {
        switch scope {
        case .network: "network"
        case .noNetwork: "no_network"
        case .authority: "authority"
        }
    }

    private static func network(_ scope: FundingScope) -> String {
        if case .network(let name) = scope { return name }
        return ""
    }

    /// Amounts to the penny: a pro-rata share is rarely a whole number of pence.
    private static func money(_ amount: Double) -> String { Tree.format(rounded(amount, places: 2)) }

    private static func rounded(_ value: Double, places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { value, _ in value * 10 }
        return (value * scale).rounded() / scale
    }
}
