import SiftCore

/// The OpenAPI schema of an establishment's evidence, as docs/evidence-format.md describes it
/// and as `/api/v1/establishments/{urn}` returns it.
enum OpenAPIEvidence {
    static func type(_ name: String, _ description: String? = nil) -> Tree {
        .object([("type", .string(name)), ("description", description.map(Tree.string))])
    }

    static func choice(_ values: [String], _ description: String? = nil) -> Tree {
        .object([("type", .string("string")), ("enum", .array(values.map(Tree.string))), ("description", description.map(Tree.string))])
    }

    static let date = Tree.object([("type", .string("string")), ("format", .string("date"))])

    static let inspection = Tree.object([
        ("type", .string("object")),
        ("required", .array(["date", "framework"].map(Tree.string))),
        ("properties", .object([
            ("date", date),
            ("framework", choice(InspectionFramework.allCases.map(\.rawValue), "The Ofsted framework the inspection was made under")),
            ("type", type("string")),
            ("overallEffectiveness", type("integer", "1 outstanding to 4 inadequate; for an ungraded inspection, the grade its outcome states")),
            ("leadershipAndManagement", type("integer")), ("qualityOfEducation", type("integer")), ("behaviourAndAttitudes", type("integer")),
            ("personalDevelopment", type("integer")), ("earlyYears", type("integer")), ("sixthForm", type("integer")),
            ("safeguarding", choice(MetOrNotMet.allCases.map(\.rawValue))),
            ("categoryOfConcern", choice(CategoryOfConcern.allCases.map(\.rawValue))),
            ("earlyYearsRequirements", choice(MetOrNotMet.allCases.map(\.rawValue))),
            ("reportCard", .object([("type", .string("object")), ("description", .string("Each evaluation area's grade")),
                                    ("additionalProperties", choice(ReportCardGrade.allCases.map(\.name)))])),
            ("reportCardDates", .object([("type", .string("object")), ("description", .string("Areas graded on a later date than the inspection began")),
                                         ("additionalProperties", date)])),
            ("outcome", choice(UngradedOutcome.allCases.map(\.rawValue), "An ungraded inspection's outcome")),
            ("outcomeText", type("string", "Ofsted's words for the outcome")),
            ("urnAtInspection", type("string", "The URN inspected, where it was another establishment's (a predecessor's)")),
        ])),
    ])

    static let measure = Tree.object([
        ("type", .string("object")),
        ("required", .array(["measure", "year"].map(Tree.string))),
        ("properties", .object([
            ("measure", choice(MeasureID.allCases.map(\.rawValue))),
            ("year", type("integer", "The academic year, by the calendar year it ends")),
            ("status", choice(MeasureStatus.allCases.map(\.rawValue), "Absent means published")),
            ("value", type("number")), ("national", type("number")), ("lower", type("number")), ("upper", type("number")),
            ("quintile", type("integer", "National quintile, 1 (top) to 5")), ("bottomQuintileBelow", type("number")),
        ])),
    ])

    static let evidence = Tree.object([
        ("type", .string("object")),
        ("description", .string("The establishment's evidence in the documented evidence format (docs/evidence-format.md)")),
        ("required", .array(["urn", "name", "kind"].map(Tree.string))),
        ("properties", .object([
            ("urn", type("string")), ("name", type("string")), ("authority", type("string")),
            ("kind", choice(EstablishmentKind.allCases.map(\.rawValue))), ("phase", choice(Phase.allCases.map(\.rawValue))),
            ("pupils", type("integer")), ("network", type("string")), ("opened", date), ("closed", date),
            ("providesForTwoYearOlds", type("boolean")), ("religiousCharacter", type("string")), ("diocese", type("string")),
            ("registeredPerson", type("string", "A setting's registered person, as Ofsted registers it")),
            ("manager", type("string", "A setting's manager")),
            ("headteacher", .object([("type", .string("object")), ("properties", .object([("startDate", date), ("firstHeadship", type("boolean"))]))])),
            ("inspections", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Inspection"))]))])),
            ("measures", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Measure"))]))])),
            ("local", .object([("type", .string("object")), ("description", .string("The authority's own evidence"))])),
        ])),
    ])
}
