import SiftCore

/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let tree: Tree = {
        func string() -> Tree { .object([("type", .string("string"))]) }
        let summary = Tree.object([
            ("type", .string("object")),
            ("required", .array(["urn", "name", "kind", "needsJudgement"].map(Tree.string))),
            ("properties", .object([
                ("urn", string()), ("name", string()), ("kind", string()), ("phase", string()), ("network", string()),
                ("proposedCategory", string()), ("currentCategory", string()),
                ("needsJudgement", .object([("type", .string("boolean"))])),
            ])),
        ])
        let error = Tree.object([("description", .string("Not signed in (401), or no such establishment for this user (404)")),
                                 ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/Error"))]))]))]))])
        func query(_ name: String, _ description: String, integer: Bool = false) -> Tree {
            .object([("name", .string(name)), ("in", .string("query")), ("required", .bool(false)), ("description", .string(description)),
                     ("schema", .object([("type", .string(integer ? "integer" : "string"))]))])
        }
        return .object([
            ("openapi", .string("3.0.3")),
            ("info", .object([("title", .string("Sift")), ("version", .string("1")),
                              ("description", .string("Establishments and their categories. Sign in through /sign-in; requests send the sift_session cookie. A user sees only what their role allows: a school user their own establishment."))])),
            ("paths", .object([
                ("/api/v1/establishments", .object([("get", .object([
                    ("summary", .string("The establishments the user may see, 50 to a page")),
                    ("parameters", .array([query("q", "name or URN"), query("category", "proposed category"), query("kind", "kind"),
                                           query("phase", "phase"), query("network", "network"), query("page", "page number", integer: true)])),
                    ("responses", .object([
                        ("200", .object([("description", .string("A page of establishments")),
                                         ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/EstablishmentPage"))]))]))]))])),
                        ("401", error),
                    ])),
                ]))])),
                ("/api/v1/establishments/{urn}", .object([("get", .object([
                    ("summary", .string("One establishment, with its evidence (docs/evidence-format.md) and its categorisation result (docs/results-format.md)")),
                    ("parameters", .array([.object([("name", .string("urn")), ("in", .string("path")), ("required", .bool(true)),
                                                    ("schema", .object([("type", .string("string"))]))])])),
                    ("responses", .object([
                        ("200", .object([("description", .string("The establishment and its result")),
                                         ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/Establishment"))]))]))]))])),
                        ("401", error), ("404", error),
                    ])),
                ]))])),
            ])),
            ("components", .object([("schemas", .object([
                ("EstablishmentSummary", summary),
                ("EstablishmentPage", .object([("type", .string("object")), ("properties", .object([
                    ("page", .object([("type", .string("integer"))])), ("pageCount", .object([("type", .string("integer"))])),
                    ("total", .object([("type", .string("integer"))])),
                    ("items", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/EstablishmentSummary"))]))])),
                ]))])),
                ("Establishment", .object([("allOf", .array([
                    .object([("$ref", .string("#/components/schemas/EstablishmentSummary"))]),
                    .object([("type", .string("object")), ("properties", .object([
                        ("evidence", .object([("$ref", .string("#/components/schemas/Evidence"))])),
                        ("result", .object([("type", .string("object")),
                                            ("description", .string("A result in the sift-results/1 format (docs/results-format.md)"))])),
                    ]))]),
                ]))])),
                ("Evidence", OpenAPIEvidence.evidence),
                ("Inspection", OpenAPIEvidence.inspection),
                ("Measure", OpenAPIEvidence.measure),
                ("Error", .object([("type", .string("object")), ("properties", .object([
                    ("error", .object([("type", .string("boolean"))])), ("reason", string()),
                ]))])),
            ]))])),
        ])
    }()
}
