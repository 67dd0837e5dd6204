extension EstablishmentReader {
    static let localKeys = Set(LocalEvidenceField.all.map(\.key) + ["other"])

    mutating func readLocal() -> LocalEvidence {
        var local = LocalEvidence()
        guard let node = tree["local"], !node.isNull else { return local }
        guard let members = node.members else { problem("local", "expected an object, found \(node.kindName)", node); return local }
        checkKeys(members, known: Self.localKeys, prefix: "local.")
        local.trend = optionalEnum(node["trend"], "local.trend")
        local.trendReason = optionalText(node["trendReason"], "local.trendReason")
        local.risk = optionalEnum(node["risk"], "local.risk")
        local.view = optionalEnum(node["view"], "local.view")
        local.sefValidatedGrade = readGrade(node["sefValidatedGrade"], "local.sefValidatedGrade")
        local.governanceRag = optionalEnum(node["governanceRag"], "local.governanceRag")
        local.vulnerability = optionalText(node["vulnerability"], "local.vulnerability")
        local.safeguardingConcern = optionalBool(node["safeguardingConcern"], "local.safeguardingConcern")
        local.previousCategory = optionalText(node["previousCategory"], "local.previousCategory")
        local.improvementTrajectory = optionalBool(node["improvementTrajectory"], "local.improvementTrajectory")
        local.selfIdentified = optionalBool(node["selfIdentified"], "local.selfIdentified")
        local.optedOut = optionalBool(node["optedOut"], "local.optedOut")
        local.capacityToImprove = optionalEnum(node["capacityToImprove"], "local.capacityToImprove")
        local.areaAtRisk = optionalBool(node["areaAtRisk"], "local.areaAtRisk")
        local.specificAspects = optionalInteger(node["specificAspects"], "local.specificAspects", range: 0...100)
        local.widerAspects = optionalBool(node["widerAspects"], "local.widerAspects")
        local.leadershipChange = optionalBool(node["leadershipChange"], "local.leadershipChange")
        if let other = node["other"], !other.isNull {
            guard let otherMembers = other.members else {
                problem("local.other", "expected an object of named facts, found \(other.kindName)", other)
                return local
            }
            for member in otherMembers {
                switch member.value.value {
                case .number(let number): local.other[member.key] = .number(number)
                case .string(let text): local.other[member.key] = .text(text)
                case .bool(let flag): local.other[member.key] = .bool(flag)
                case .null: break
                default: problem("local.other.\(member.key)", "expected a number, text or true/false, found \(member.value.kindName)", member.value)
                }
            }
        }
        return local
    }
}
