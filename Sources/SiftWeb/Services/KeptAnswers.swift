import Foundation
import NIOConcurrencyHelpers

/// Answers worked out from an authority's establishments (the list's counts, its networks),
/// kept against the authority's data version (`AddAuthorityDataVersion`) so that an answer is
/// only reused while nothing it was worked out from has changed. Counting a filter of 25,000
/// establishments reads every one of them in the index, which was the larger part of the
/// list's time.
///
/// Only SQLite moves the data version, so only there is anything kept (`isKeeping`).
final class KeptAnswers: Sendable {
    struct Key: Hashable, Sendable {
        var authorityID: UUID
        var dataVersion: Int
        /// The question, with everything that narrows it (the user's scope, the filters).
        var question: String
    }

    /// Beyond this many, the answers of earlier versions, then all, are forgotten.
    static let mostKept = 20_000

    let isKeeping: Bool
    private let kept = NIOLockedValueBox<[Key: any Sendable]>([:])

    init(isKeeping: Bool) {
        self.isKeeping = isKeeping
    }

    /// The answer kept for `key`, or the one `work` gives, kept for next time.
    func answer<Answer: Sendable>(_ key: Key, _ work: () async throws -> Answer) async throws -> Answer {
        guard isKeeping else { return try await work() }
        if let known = kept.withLockedValue({ $0[key] }) as? Answer { return known }
        let answer = try await work()
        kept.withLockedValue { answers in
            // Answers of earlier versions can never be read again.
            if answers.count >= Self.mostKept { answers = answers.filter { $0.key.dataVersion >= key.dataVersion } }
            if answers.count >= Self.mostKept { answers.removeAll() }
            answers[key] = answer
        }
        return answer
    }
}
