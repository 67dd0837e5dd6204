@testable import SiftCore
import Testing

@Suite("Expressions")
struct ExpressionTests {
    let catalog: FactCatalog = {
        var catalog = FactCatalog()
        catalog.categoryCodes = ["1", "2"]
        return catalog
    }()

    @Test("a misspelt value is refused with the values the fact can take")
    func misspeltWord() {
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseCondition("la.trend == sharp_declin", catalog: catalog) }
        do {
            _ = try ExpressionParser.parseCondition("la.trend == sharp_declin", catalog: catalog)
        } catch {
            #expect(error.message.contains("sharp_decline"))
        }
    }

    @Test("an unknown fact is refused with a suggestion", arguments: ["ofsted.overal >= 3", "la.risks == none", "measure.ks2_rwm.value > 1"])
    func unknownFact(_ source: String) {
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseCondition(source, catalog: catalog) }
    }

    @Test("a single '=' is refused, as is a value used as a condition")
    func malformed() {
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseCondition("ofsted.overall = 3", catalog: catalog) }
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseCondition("ofsted.overall + 1", catalog: catalog) }
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseCondition("ofsted.overall > good", catalog: catalog) }
    }

    @Test("missing facts make comparisons unknown; and/or follow Kleene's rules")
    func threeValuedLogic() throws {
        let framework = try bundled("coventry-2023")
        let school = try establishment(#"{"urn":"1","name":"N","kind":"community"}"#)
        let context = EvaluationContext(establishment: school, framework: framework, runDate: october2023, dataYear: nil, parameters: framework.parameters.map(\.value))
        func value(_ source: String) throws -> Value {
            var catalog = FactCatalog()
            catalog.categoryCodes = ["1", "2", "3", "4"]
            return context.evaluate(try ExpressionParser.parseCondition(source, catalog: catalog))
        }
        #expect(try value("ofsted.overall >= 3").isMissing)
        #expect(try value("ofsted.overall >= 3 and establishment.maintained == false") == .bool(false))
        #expect(try value("ofsted.overall >= 3 or establishment.maintained") == .bool(true))
        #expect(try value("ofsted.overall >= 3 or establishment.academy").isMissing)
        #expect(try value("not (ofsted.overall >= 3)").isMissing)
        #expect(try value("ofsted.overall is missing") == .bool(true))
        #expect(try value("ofsted.inspected") == .bool(false))
        #expect(try value("la.trend in [improving, consistent]").isMissing)
        #expect(try value("count(establishment.maintained, establishment.academy) == 1") == .bool(true))
    }
}
