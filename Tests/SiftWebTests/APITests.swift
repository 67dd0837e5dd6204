import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("The JSON API")
struct APITests {
    @Test("the API gives the same establishments, to the same people, as the pages")
    func scoped() async throws {
        try await withSift { app, accounts in
            let school = Browser(app)
            _ = try await school.signIn("school@riverside.example", accounts.password("school@riverside.example"))
            let list = try await school.get("/api/v1/establishments")
            #expect(list.status == .ok)
            #expect(list.headers.contentType == .json)
            let page = try #require(try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [String: Any])
            #expect(page["total"] as? Int == 1)
            let own = try await school.get("/api/v1/establishments/230000")
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(own.body.string.utf8)) as? [String: Any])
            let result = try #require(detail["result"] as? [String: Any])
            #expect((result["reasons"] as? [Any])?.isEmpty == false)
            let other = try await school.get("/api/v1/establishments/230001")
            #expect(other.status == .notFound)
            #expect(other.headers.contentType == .json)
            #expect(try await school.get("/api/v1/establishments/200000").status == .notFound)
            #expect(try await Browser(app).get("/api/v1/establishments").status == .unauthorized)

            let officer = Browser(app)
            _ = try await officer.signIn("officer@riverside.example", accounts.password("officer@riverside.example"))
            let all = try #require(try JSONSerialization.jsonObject(with: Data(try await officer.get("/api/v1/establishments").body.string.utf8)) as? [String: Any])
            #expect(all["total"] as? Int == 34)
        }
    }

    @Test("the OpenAPI document describes the API's paths")
    func openAPI() async throws {
        try await withSift { app, _ in
            let response = try await Browser(app).get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: Any])
            let registered = app.routes.all.filter { $0.path.first?.description == "api" && $0.path.last?.description != "openapi.json" }
                .map { "/" + $0.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }.joined(separator: "/") }
            #expect(Set(paths.keys) == Set(registered))
        }
    }
}
}
