import Dispatch

extension DecisionEngine {
    /// Categorises many establishments across the machine's cores; results keep input order.
    public func categoriseAll(_ establishments: [Establishment], runDate: Day, dataYear: Int? = nil) -> [CategorisationResult] {
        let count = establishments.count
        let chunkSize = 256
        let chunks = (count + chunkSize - 1) / chunkSize
        // Each result is written once, in place, by the one worker that owns its chunk, so
        // no result is copied or merged afterwards.
        return [CategorisationResult](unsafeUninitializedCapacity: count) { buffer, initialised in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                    (slots.baseAddress! + index).initialize(to: categorise(establishments[index], runDate: runDate, dataYear: dataYear))
                }
            }
            initialised = count
        }
    }
}
