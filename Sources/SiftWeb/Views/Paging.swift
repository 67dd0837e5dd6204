/// One page of a long table: the page asked for, held between the first and the last, with
/// the links to the pages either side of it.
struct Paging {
    let page: Int
    let pageCount: Int
    let size: Int

    init(count: Int, size: Int, requested: Int?) {
        self.size = size
        pageCount = max(1, (count + size - 1) / size)
        page = min(max(requested ?? 1, 1), pageCount)
    }

    func rows<Rows: Collection>(of items: Rows) -> Rows.SubSequence.SubSequence {
        items.dropFirst((page - 1) * size).prefix(size)
    }

    /// `base` is the page's address with its query begun, like "/funding?year=2026".
    func previous(_ base: String) -> String? { page > 1 ? base + "&page=\(page - 1)" : nil }
    func next(_ base: String) -> String? { page < pageCount ? base + "&page=\(page + 1)" : nil }
}
