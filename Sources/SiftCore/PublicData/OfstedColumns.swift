/// The columns of an Ofsted management-information file, found once. A row carries up to
/// three inspections, each in a block of columns of its own (`OfstedInspectionColumns`):
///
/// - the **latest inspection**: in the renewed layout (from November 2025) the latest report
///   card, each evaluation area with its own date of grade; in the 2024/25 and legacy layouts
///   the latest graded inspection, with its overall effectiveness and key judgements;
/// - the **latest graded inspection under the previous framework** (the renewed layout's
///   `Latest OEIF …` columns), or the **previous graded inspection** (`Previous …`, the
///   2024/25 and legacy layouts);
/// - the **latest ungraded inspection** (`Date of latest ungraded inspection`, or
///   `… section 8 …` in the legacy layout) and its outcome in words.
///
/// Each column is known by every name Ofsted's layouts have given it; names are matched
/// ignoring case and spacing (the renewed layout writes `Latest OEIF  safeguarding is
/// effective?` with two spaces).
struct OfstedColumns {
    static let date = ["Inspection start date", "Inspection date", "Inspection start date of latest inspection"]

    let urn: Int
    let blocks: [OfstedInspectionColumns]

    init(_ columns: CSVColumns) {
        urn = columns.position("URN")!
        blocks = [Self.latest, Self.latestGraded, Self.previousGraded, Self.ungraded].compactMap { OfstedInspectionColumns($0, in: columns) }
    }

    static let judgementNames: [(KeyJudgement, [String])] = [
        (.qualityOfEducation, ["Quality of education"]),
        (.behaviourAndAttitudes, ["Behaviour and attitudes"]),
        (.personalDevelopment, ["Personal development"]),
        (.leadershipAndManagement, ["Effectiveness of leadership and management", "Leadership and management"]),
        (.earlyYears, ["Early years provision (where applicable)", "Early years provision"]),
        (.sixthForm, ["Sixth form provision (where applicable)", "Sixth form provision"]),
    ]

    /// The renewed framework's evaluation areas, and the stem of each one's `- date of grade`
    /// column. The school-details column `Sixth form` ("Has a sixth form") is not an area:
    /// the renewed layout calls that area `Post-16 provision (where applicable)`.
    static let areaNames: [(ReportCardArea, [String], String)] = [
        (.inclusion, ["Inclusion"], "Inclusion"),
        (.curriculumAndTeaching, ["Curriculum and teaching"], "Curriculum and teaching"),
        (.achievement, ["Achievement"], "Achievement"),
        (.attendanceAndBehaviour, ["Attendance and behaviour"], "Attendance and behaviour"),
        (.personalDevelopmentAndWellbeing, ["Personal development and wellbeing", "Personal development and well-being"],
         "Personal development and wellbeing"),
        (.earlyYears, ["Early years (where applicable)"], "Early years"),
        (.sixthForm, ["Post-16 provision (where applicable)", "Post-16 provision", "Sixth form (where applicable)"], "Post-16 provision"),
        (.leadershipAndGovernance, ["Leadership and governance"], "Leadership and governance"),
    ]

    static let latest = OfstedInspectionColumns.Names(
        role: .latest, date: date, type: ["Inspection type"], overall: ["Overall effectiveness"], concern: ["Category of concern"],
        safeguarding: ["Safeguarding standards", "Safeguarding is effective?", "Safeguarding is effective", "Is safeguarding effective?"],
        judgementPrefix: "", areas: true,
        relates: ["Does the latest full inspection relate to the URN of the current school?",
                  "Does the latest graded inspection relate to the URN of the current school?"],
        urnAt: ["URN at time of latest full inspection", "URN at time of latest graded inspection"])

    static let latestGraded = OfstedInspectionColumns.Names(
        role: .latestGraded,
        date: ["Inspection start date of latest OEIF graded inspection", "Latest graded inspection start date", "Date of latest graded inspection"],
        type: ["Inspection type of latest OEIF graded inspection"],
        overall: ["Latest OEIF overall effectiveness", "Latest graded inspection overall effectiveness"],
        concern: ["Latest OEIF category of concern"], safeguarding: ["Latest OEIF safeguarding is effective?"],
        judgementPrefix: "Latest OEIF ", areas: false,
        relates: ["Does the latest OEIF graded inspection relate to the URN of the current school?"],
        urnAt: ["URN at time of latest OEIF graded inspection"])

    static let previousGraded = OfstedInspectionColumns.Names(
        role: .previousGraded,
        date: ["Previous inspection start date", "Previous graded inspection start date", "Previous full inspection date"],
        type: [],
        overall: ["Previous graded inspection overall effectiveness", "Previous full inspection overall effectiveness",
                  "Previous inspection overall effectiveness"],
        concern: ["Previous category of concern"], safeguarding: ["Previous safeguarding is effective?", "Previous is safeguarding effective?"],
        judgementPrefix: "Previous ", areas: false,
        relates: ["Does the previous graded inspection relate to the URN of the current school?",
                  "Does the previous full inspection relate to the URN of the current school?"],
        urnAt: ["URN at time of previous graded inspection", "URN at time of previous full inspection"])

    static let ungraded = OfstedInspectionColumns.Names(
        role: .ungraded, date: ["Date of latest ungraded inspection", "Date of latest section 8 inspection"], type: [],
        overall: [], concern: [], safeguarding: [], judgementPrefix: nil, areas: false,
        relates: ["Does the ungraded inspection relate to the URN of the current school?",
                  "Does the section 8 inspection relate to the URN of the current school?"],
        urnAt: ["URN at time of the ungraded inspection", "URN at time of the section 8 inspection"],
        outcome: ["Ungraded inspection overall outcome", "Section 8 inspection overall outcome"],
        converted: ["Did the latest ungraded inspection convert to a graded inspection?",
                    "Did the latest section 8 inspection convert to a full inspection?"])
}

/// One inspection's columns within a row.
struct OfstedInspectionColumns {
    enum Role: Int, Comparable {
        case latest, latestGraded, previousGraded, ungraded
        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How a message names the inspection.
        var label: String {
            switch self {
            case .latest: return "the latest inspection"
            case .latestGraded: return "the latest graded inspection"
            case .previousGraded: return "the previous graded inspection"
            case .ungraded: return "the latest ungraded inspection"
            }
        }
    }

    struct Names {
        let role: Role
        let date, type, overall, concern, safeguarding: [String]
        /// Nil where the block has no key judgements.
        let judgementPrefix: String?
        let areas: Bool
        let relates, urnAt: [String]
        var outcome: [String] = []
        var converted: [String] = []
    }

    struct Column {
        let position: Int
        let name: String
    }

    let role: Role
    let date: Column
    let type, overall, concern, safeguarding, relates, urnAt, outcome, converted: Column?
    let judgements: [(KeyJudgement, Column)]
    let areas: [(ReportCardArea, Column, date: Column?)]

    init?(_ names: Names, in columns: CSVColumns) {
        func find(_ candidates: [String]) -> Column? {
            columns.position(candidates).map { Column(position: $0, name: columns.names[$0]) }
        }
        guard let date = find(names.date) else { return nil }
        role = names.role
        self.date = date
        type = find(names.type)
        overall = find(names.overall)
        concern = find(names.concern)
        safeguarding = find(names.safeguarding)
        relates = find(names.relates)
        urnAt = find(names.urnAt)
        outcome = find(names.outcome)
        converted = find(names.converted)
        judgements = names.judgementPrefix.map { prefix in
            OfstedColumns.judgementNames.compactMap { judgement, candidates in find(candidates.map { prefix + $0 }).map { (judgement, $0) } }
        } ?? []
        areas = names.areas ? OfstedColumns.areaNames.compactMap { area, candidates, stem in
            find(candidates).map { (area, $0, date: find([stem + " - date of grade"])) }
        } : []
    }
}
