import Foundation

/// Work a request starts and a page follows (an annual run, an uploaded file's import), kept
/// until it ends so that stopping the server can wait for it: it needs the database.
actor BackgroundWork {
    private var working: [UUID: Task<Void, Never>] = [:]

    func perform(_ work: @escaping @Sendable () async -> Void) {
        let id = UUID()
        working[id] = Task {
            await work()
            self.remove(id)
        }
    }

    private func remove(_ id: UUID) { working[id] = nil }

    /// Waits for all work under way.
    func waitForAll() async {
        while let task = working.values.first {
            await task.value
        }
    }
}
