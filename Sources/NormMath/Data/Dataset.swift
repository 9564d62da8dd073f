/// A labelled set of one-channel images, stored NCHW as `[count, 1, H, W]`.
public struct Dataset: Sendable {
    /// The command-line name, e.g. `digits`.
    public let name: String
    /// `[count, 1, height, width]`, row-major within an image.
    public let images: [Float]
    /// `[count]`, each in 0..<classCount.
    public let labels: [Int]
    public let classCount: Int
    public let height: Int
    public let width: Int

    /// Images are grey: one channel.
    public static let channels = 1

    public init(name: String, images: [Float], labels: [Int], classCount: Int, height: Int, width: Int) {
        precondition(images.count == labels.count * height * width, "images must be [count, 1, H, W]")
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "labels must lie in 0..<classCount")
        self.name = name
        self.images = images
        self.labels = labels
        self.classCount = classCount
        self.height = height
        self.width = width
    }

    /// Number of images.
    public var count: Int { labels.count }

    /// Values per image, H·W.
    public var imageSize: Int { height * width }

    /// The images at `indices`, in that order, as a batch `[indices.count, 1, H, W]`.
    public func batch(_ indices: some Collection<Int>) -> Batch {
        let size = imageSize
        var batchImages = [Float]()
        batchImages.reserveCapacity(indices.count * size)
        images.withUnsafeBufferPointer { source in
            for index in indices {
                batchImages.append(contentsOf: source[(index * size)..<((index + 1) * size)])
            }
        }
        return Batch(
            images: batchImages, labels: indices.map { labels[$0] },
            shape: TensorShape(n: indices.count, c: Dataset.channels, h: height, w: width))
    }

    /// The same images under another name — a subset of `indices`, in that order.
    func subset(_ indices: [Int]) -> Dataset {
        let batch = batch(indices)
        return Dataset(name: name, images: batch.images, labels: batch.labels, classCount: classCount, height: height, width: width)
    }

    /// A fixed split into training and held-out images, stratified: from every class, a
    /// seeded random `heldOutFraction` of its images (rounded) is held out. Both parts keep the
    /// original order. The held-out part measures generalization and the eval-mode behaviour
    /// of batch norm on data it has not trained on.
    public func split(heldOutFraction: Double = 0.2, seed: UInt64) -> (train: Dataset, heldOut: Dataset) {
        precondition((0...1).contains(heldOutFraction), "the held-out fraction must lie in 0...1")
        var generator = SeededGenerator(seed: seed, stream: 1)
        var isHeldOut = [Bool](repeating: false, count: count)
        for label in 0..<classCount {
            var members = labels.indices.filter { labels[$0] == label }
            generator.shuffle(&members)
            let heldOutCount = Self.heldOutCount(ofClass: members.count, heldOutFraction: heldOutFraction)
            for index in members.prefix(heldOutCount) { isHeldOut[index] = true }
        }
        return (subset(labels.indices.filter { !isHeldOut[$0] }), subset(labels.indices.filter { isHeldOut[$0] }))
    }
}

/// A mini-batch: images `[N, 1, H, W]` with their labels.
public struct Batch: Sendable {
    public var images: [Float]
    public var labels: [Int]
    /// `[N, 1, H, W]`.
    public var shape: TensorShape
}
