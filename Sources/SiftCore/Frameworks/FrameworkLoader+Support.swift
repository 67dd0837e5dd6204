extension FrameworkLoader {
    static let units: Set<String> = ["visits", "days", "hours", "meetings", "reviews", "plan", "offer"]
    static let periods: Set<String> = ["year", "term", "half_term", "once"]
    static let frequencies: Set<String> = ["weekly", "fortnightly", "every_3_weeks", "half_termly", "termly", "annually"]
    static let terms: Set<String> = [
        "preparation", "autumn1", "autumn2", "spring1", "spring2", "summer1", "summer2", "autumn", "spring", "summer", "year",
    ]

    func readEntitlements(_ node: Tree?) -> [EntitlementRule] {
        list(node, "entitlements").compactMap { element in
            guard let entry = mapping(element, "an entitlement", required: ["category", "items"], optional: ["for"]),
                  let category = categoryCode(entry["category"], "category") else { return nil }
            let condition = entry["for"].flatMap { self.condition($0, "for") }
            let items: [EntitlementItem] = list(entry["items"], "items").compactMap { itemNode in
                guard let item = mapping(itemNode, "an entitlement item", required: ["kind", "unit", "per"],
                                         optional: ["amount", "min", "max", "frequency", "text", "cite", "for", "risk_assessment"]),
                      let kind = text(item["kind"], "kind"), let unit = text(item["unit"], "unit"),
                      let per = text(item["per"], "per") else { return nil }
                if !Self.units.contains(unit) { issue(item["unit"], "unit '\(unit)' is not one of \(Self.units.sorted().joined(separator: ", "))") }
                if !Self.periods.contains(per) { issue(item["per"], "per '\(per)' is not one of \(Self.periods.sorted().joined(separator: ", "))") }
                let frequency = text(item["frequency"], "frequency")
                if let frequency, !Self.frequencies.contains(frequency) {
                    issue(item["frequency"], "frequency '\(frequency)' is not one of \(Self.frequencies.sorted().joined(separator: ", "))")
                }
                let amount = number(item["amount"], "amount"), low = number(item["min"], "min"), high = number(item["max"], "max")
                if let low, let high, low > high { issue(itemNode, "min \(Tree.format(low)) is above max \(Tree.format(high))") }
                if amount != nil && (low != nil || high != nil) { issue(itemNode, "give amount, or min/max, not both") }
                let itemCondition = item["for"].flatMap { self.condition($0, "for") }
                let riskAssessment = item["risk_assessment"].map { node -> Bool in
                    if let flag = node.bool { return flag }
                    issue(node, "risk_assessment is true or false")
                    return false
                } ?? false
                if riskAssessment && unit != "meetings" { issue(item["risk_assessment"], "only meetings end with a risk assessment") }
                return EntitlementItem(kind: kind, amount: amount, min: low, max: high, unit: unit, per: per,
                                       frequency: frequency, text: text(item["text"], "text"), cite: text(item["cite"], "cite"),
                                       note: text(item["note"], "note"), condition: itemCondition?.0, conditionText: itemCondition?.1,
                                       riskAssessment: riskAssessment)
            }
            return EntitlementRule(note: text(entry["note"], "note"), category: category, condition: condition?.0, conditionText: condition?.1, items: items)
        }
    }

    func readPlans(_ node: Tree?) -> [PlanSpec] {
        list(node, "plans").compactMap { element in
            guard let entry = mapping(element, "a plan", required: ["category", "allocation", "unit", "activities"], optional: ["for", "cite"]),
                  let category = categoryCode(entry["category"], "category"),
                  let allocation = number(entry["allocation"], "allocation"),
                  let unit = text(entry["unit"], "unit") else { return nil }
            let condition = entry["for"].flatMap { self.condition($0, "for") }
            let activities: [PlannedActivity] = list(entry["activities"], "activities").compactMap { activityNode in
                guard let activity = mapping(activityNode, "an activity", required: ["term", "activity", "amount"], optional: ["kind", "unit"]),
                      let term = text(activity["term"], "term"), let name = text(activity["activity"], "activity"),
                      let amount = number(activity["amount"], "amount") else { return nil }
                if !Self.terms.contains(term) {
                    issue(activity["term"], "term '\(term)' is not one of \(Self.terms.sorted().joined(separator: ", "))")
                }
                if amount < 0 { issue(activity["amount"], "an activity's amount cannot be negative") }
                let activityUnit = text(activity["unit"], "unit")
                if let activityUnit, !Self.units.contains(activityUnit) {
                    issue(activity["unit"], "unit '\(activityUnit)' is not one of \(Self.units.sorted().joined(separator: ", "))")
                }
                return PlannedActivity(term: term, activity: name, amount: amount, kind: text(activity["kind"], "kind"), unit: activityUnit)
            }
            return PlanSpec(category: category, condition: condition?.0, conditionText: condition?.1, allocation: allocation,
                            unit: unit, activities: activities, citation: citation(entry))
        }
    }

    func readFunding(_ node: Tree?) -> [FundingRule] {
        list(node, "funding").compactMap { element in
            guard let entry = mapping(element, "a funding rule", required: ["id", "kind", "rate"], optional: ["weights", "designation_weights", "triggers", "cite"]),
                  let id = text(entry["id"], "id"), let kindText = text(entry["kind"], "kind"),
                  let rateName = text(entry["rate"], "rate") else { return nil }
            guard let kind = FundingRule.Kind(rawValue: kindText) else {
                issue(entry["kind"], "kind '\(kindText)' is not per_pupil_by_category or triggered_per_pupil")
                return nil
            }
            guard let rate = catalog.parameterIDs.firstIndex(of: rateName) else {
                issue(entry["rate"], "rate '\(rateName)' is not a parameter of this framework")
                return nil
            }
            let weights = readWeights(entry["weights"], codes: catalog.categoryCodes, what: "category")
            let designationWeights = readWeights(entry["designation_weights"], codes: catalog.designationCodes, what: "designation")
            let triggers = Set(list(entry["triggers"], "triggers").compactMap { categoryCode($0, "a trigger") })
            switch kind {
            case .perPupilByCategory where weights.isEmpty: issue(entry, "per_pupil_by_category needs weights for its categories")
            case .triggeredPerPupil where triggers.isEmpty: issue(entry, "triggered_per_pupil needs the categories that trigger funding")
            default: break
            }
            return FundingRule(id: id, kind: kind, rateParameter: rate, weights: weights, designationWeights: designationWeights, triggers: triggers, citation: citation(entry))
        }
    }

    /// Weights by code: each a number, or the id of a parameter the authority sets.
    func readWeights(_ node: Tree?, codes: Set<String>, what: String) -> [String: Weight] {
        var weights: [String: Weight] = [:]
        for member in node?.members ?? [] {
            guard codes.contains(member.key) else {
                issue(member.value, "a weight for '\(member.key)', which is not a \(what)")
                continue
            }
            if let value = member.value.number {
                weights[member.key] = .number(value)
            } else if let name = member.value.text, let index = catalog.parameterIDs.firstIndex(of: name) {
                weights[member.key] = .parameter(index)
            } else {
                issue(member.value, "the weight for '\(member.key)' must be a number or a parameter of this framework")
            }
        }
        return weights
    }

    func readExamples(_ node: Tree?) -> [WorkedExample] {
        var seen = Set<String>()
        return list(node, "examples").compactMap { element in
            guard let entry = mapping(element, "an example", required: ["id", "evidence", "expect"],
                                      optional: ["description", "year", "run_date", "parameters"]),
                  let id = text(entry["id"], "id"), let evidence = entry["evidence"], let expect = entry["expect"] else { return nil }
            if !seen.insert(id).inserted { issue(element, "the example id '\(id)' is used twice") }
            _ = mapping(expect, "expect", required: [], optional: [
                "category", "designation", "indicator", "rows", "judgement", "entitlements", "plan_total", "funding", "uncategorised", "undetermined", "not_covered",
            ])
            var runDate: Day?
            if let dateText = text(entry["run_date"], "run_date") {
                runDate = Day(dateText)
                if runDate == nil { issue(entry["run_date"], "run_date '\(dateText)' is not a date (yyyy-mm-dd)") }
            }
            var parameters: [String: Double] = [:]
            for member in entry["parameters"]?.members ?? [] {
                if !catalog.parameterIDs.contains(member.key) { issue(member.value, "'\(member.key)' is not a parameter of this framework") }
                if let value = number(member.value, "a parameter value") { parameters[member.key] = value }
            }
            return WorkedExample(id: id, description: text(entry["description"], "description"),
                                 year: integer(entry["year"], "year", 2000...2100), runDate: runDate,
                                 evidence: evidence, expect: expect, parameters: parameters, line: element.line)
        }
    }
}
