/// Building a data set by name, as the command line asks for it.
extension Dataset {
    /// Synthetic sets are this large unless asked otherwise (the digits are about as many).
    public static let defaultSyntheticCount = 2000

    /// The data set `name` at `height`×`width`.
    /// - Parameters:
    ///   - name: `digits` or a synthetic set's name (``DatasetName``).
    ///   - height: image height in pixels.
    ///   - width: image width in pixels.
    ///   - seed: generates the synthetic sets (the digits are fixed).
    ///   - classes: class count; `nil` for the set's default (the digits always have 10).
    ///   - count: number of synthetic images; `nil` for ``defaultSyntheticCount``. Ignored by
    ///     the digits, which are always the 1797 real images.
    /// - Throws: ``DatasetError`` for an unknown name, a size below 1×1, an unsupported class
    ///   count, too few images, or an unreadable digits resource.
    public static func make(
        _ name: String, height: Int, width: Int, seed: UInt64, classes: Int? = nil, count: Int? = nil
    ) throws(DatasetError) -> Dataset {
        try make(DatasetName(parsing: name), height: height, width: width, seed: seed, classes: classes, count: count)
    }

    /// The data set `set` at `height`×`width`, as the name-parsing `make` above describes.
    /// - Throws: ``DatasetError`` as that one does; an unknown name is refused as spelled.
    public static func make(
        _ set: DatasetName, height: Int, width: Int, seed: UInt64, classes: Int? = nil, count: Int? = nil
    ) throws(DatasetError) -> Dataset {
        let (imageCount, classCount) = try checkedSize(set, height: height, width: width, classes: classes, count: count)
        switch set {
        case .digits:
            return try Digits.load(height: height, width: width)
        case .blobs:
            return BlobsSet.make(count: imageCount, classes: classCount, height: height, width: width, seed: seed)
        case .stripes:
            return StripesSet.make(count: imageCount, classes: classCount, height: height, width: width, seed: seed)
        case .contrast:
            return ContrastSet.make(count: imageCount, classes: classCount, height: height, width: width, seed: seed)
        default:
            throw .unknownName(set.rawValue)
        }
    }

    /// Balanced labels for a synthetic set: image i has class i mod K, so every class has
    /// ⌊count/K⌋ or ⌈count/K⌉ images; the batch iterator shuffles them.
    /// What `make` checks before it builds anything — the name, the image size, the class
    /// and image counts, the memory — so that a setting can be judged without loading or
    /// generating data (the settings editor, on the UI's thread).
    /// - Returns: how many images and classes the set would have.
    public static func checkedSize(
        _ set: DatasetName, height: Int, width: Int, classes: Int? = nil, count: Int? = nil
    ) throws(DatasetError) -> (images: Int, classes: Int) {
        guard set.isKnown else { throw .unknownName(set.rawValue) }
        guard height >= 1, width >= 1 else { throw .invalidImageSize(height: height, width: width) }
        let classCount = classes ?? set.defaultClassCount
        guard set.classRange.contains(classCount) else {
            throw .invalidClassCount(dataset: set.rawValue, classes: classCount, allowed: set.classRange)
        }
        let imageCount = set == .digits ? Digits.count : count ?? defaultSyntheticCount
        guard imageCount >= classCount else { throw .invalidImageCount(dataset: set.rawValue, count: imageCount) }
        let (pixels, pixelOverflow) = height.multipliedReportingOverflow(by: width)
        let (elements, overflow) = imageCount.multipliedReportingOverflow(by: pixels)
        guard !pixelOverflow, !overflow, elements <= TensorShape.maximumElementCount else {
            throw .tooLarge(count: imageCount, height: height, width: width)
        }
        return (imageCount, classCount)
    }

    /// How many images of each class `set` has, without building it: the digits' are fixed,
    /// the synthetic sets' balanced (`balancedLabels(count:classes:)`).
    public static func classSizes(of set: DatasetName, images: Int, classes: Int) -> [Int] {
        if set == .digits { return Digits.classSizes }
        return (0..<classes).map { label in images / classes + (label < images % classes ? 1 : 0) }
    }

    /// The size of the training split `split(heldOutFraction:seed:)` keeps, from the class
    /// sizes alone: each class gives up the same rounded fraction, whatever the seed.
    public static func trainingCount(classSizes: [Int], heldOutFraction: Double = 0.2) -> Int {
        classSizes.reduce(0) { $0 + $1 - heldOutCount(ofClass: $1, heldOutFraction: heldOutFraction) }
    }

    /// How many of a class's `size` images are held out.
    static func heldOutCount(ofClass size: Int, heldOutFraction: Double) -> Int {
        Int((Double(size) * heldOutFraction).rounded())
    }

    static func balancedLabels(count: Int, classes: Int) -> [Int] {
        (0..<count).map { $0 % classes }
    }
}
