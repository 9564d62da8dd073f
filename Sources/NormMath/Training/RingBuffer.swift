/// A bounded history: the newest `capacity` values, oldest first. Long runs keep a flat
/// memory footprint, and the charts always have the recent past.
public struct RingBuffer<Element: Sendable>: Sendable {
    public let capacity: Int
    private var storage: [Element] = []
    /// Where the next element goes once the buffer is full.
    private var head = 0
    /// How many elements were ever appended (the step counter of the oldest kept one is
    /// `totalAppended − count`).
    public private(set) var totalAppended = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring buffer needs room for at least one element")
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
        totalAppended += 1
    }

    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        head = 0
        totalAppended = 0
    }

    /// The kept elements, oldest first.
    public var elements: [Element] {
        Array(storage[head...] + storage[..<head])
    }

    /// The newest `n` elements, oldest first.
    public func suffix(_ n: Int) -> [Element] {
        Array(elements.suffix(n))
    }

    public var last: Element? {
        guard !storage.isEmpty else { return nil }
        return storage[(head + storage.count - 1) % storage.count]
    }
}
