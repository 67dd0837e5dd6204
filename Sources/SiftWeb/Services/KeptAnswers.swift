import Foundation
import NIOConcurrencyHelpers

/// Answers worked out from an authority's establishments (the list's order, its networks),
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
    let mostKept: Int
    let isKeeping: Bool
    /// Each answer kept, or being worked out: requests asking the same question at once (32
    /// opening the list as the data changes) wait for one piece of work, not one each.
    private let kept = NIOLockedValueBox<[Key: Task<any Sendable, any Error>]>([:])

    init(isKeeping: Bool, mostKept: Int = 20_000) {
        self.isKeeping = isKeeping
        self.mostKept = mostKept
    }

    /// The answer kept for `key`, or the one `work` gives, kept for next time.
    func answer<Answer: Sendable>(_ key: Key, _ work: @escaping @Sendable () async throws -> Answer) async throws -> Answer {
        guard isKeeping else { return try await work() }
        let task = kept.withLockedValue { answers in
            if let known = answers[key] { return known }
            // Answers of earlier versions can never be read again.
            if answers.count >= mostKept { answers = answers.filter { $0.key.dataVersion >= key.dataVersion } }
            if answers.count >= mostKept { answers.removeAll() }
            let task = Task<any Sendable, any Error> { try await work() }
            answers[key] = task
            return task
        }
        do {
            guard let answer = try await task.value as? Answer else { throw KeptAnswerMismatch(question: key.question) }
            return answer
        } catch {
            // A failed answer is not kept: the next request works it out again.
            kept.withLockedValue { answers in if answers[key] == task { answers[key] = nil } }
            throw error
        }
    }
}

/// The same question was asked for two kinds of answer, which is a mistake in the asking.
struct KeptAnswerMismatch: Error, CustomStringConvertible {
    let question: String
    var description: String { "one question, two kinds of answer: \(question)" }
}
