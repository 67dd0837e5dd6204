import Foundation

/// What a row of a `ks2final`/`ks4final` table is, from its `RECTYPE`, which the DfE defines
/// per key stage in each table's metadata:
///
/// | `RECTYPE` | KS2 | KS4 |
/// | --- | --- | --- |
/// | 1 | mainstream school | mainstream school |
/// | 2 | special school | special school |
/// | 3 | local authority total | — |
/// | 4 | England, all schools | local authority total |
/// | 5 | England, state-funded schools | England, all schools |
/// | 7 | — | England, state-funded schools |
///
/// Schools are compared with England's state-funded figure; the all-schools figure counts
/// independent schools too and is kept only where no state-funded one is given.
enum RecordType: Equatable {
    case school
    case authorityTotal
    case englandAllSchools
    case englandStateFunded
    /// A code this key stage does not define: read as a school when the row has a URN, else
    /// as a total of some area.
    case other

    init(code: String, keyStage: KeyStage) {
        switch (keyStage, code) {
        case (_, "1"), (_, "2"): self = .school
        case (.ks2, "3"), (.ks4, "4"): self = .authorityTotal
        case (.ks2, "4"), (.ks4, "5"): self = .englandAllSchools
        case (.ks2, "5"), (.ks4, "7"): self = .englandStateFunded
        default: self = .other
        }
    }

    /// The tidy files say what a row covers in `geographic_level`: a national row is England's
    /// state-funded figure, a local or regional one a total, a school's row a school.
    init(geographicLevel level: String) {
        switch level.trimmingCharacters(in: .whitespaces).lowercased() {
        case "national": self = .englandStateFunded
        case "local authority", "regional", "local authority district", "parliamentary constituency": self = .authorityTotal
        default: self = .school
        }
    }
}
