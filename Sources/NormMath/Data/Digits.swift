import Foundation

/// The UCI "Optical Recognition of Handwritten Digits" test set as scikit-learn ships it
/// (`load_digits`): 1797 images of 8×8 pixels with values 0…16, labels 0…9.
/// E. Alpaydin, C. Kaynak, UCI Machine Learning Repository, CC BY 4.0.
///
/// Pixels are scaled to [0, 1] (value/16) and deliberately *not* standardized, so that the
/// network's first activations are off-centre and the normalization layers have work to do.
enum Digits {
    static let count = 1797
    static let side = 8
    static let classCount = 10
    /// Images of each digit 0…9 in the shipped file (checked against it by DigitsTests), so
    /// that the training split's size is known without reading the file.
    static let classSizes = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]

    /// The digits, resampled bilinearly when `height`×`width` is not 8×8.
    static func load(height: Int, width: Int) throws(DatasetError) -> Dataset {
        guard let url = Bundle.module.url(forResource: "digits.csv", withExtension: "gz") else {
            throw .unreadableResource("the digits data set (digits.csv.gz) is missing from the NormMath resources")
        }
        let compressed: Data
        do {
            compressed = try Data(contentsOf: url)
        } catch {
            throw .unreadableResource("cannot read \(url.path): \(error.localizedDescription)")
        }
        var (images, labels) = try parse(Gzip.decompress([UInt8](compressed)))
        if height != side || width != side {
            images = Resample.bilinear(images, count: count, fromHeight: side, fromWidth: side, toHeight: height, toWidth: width)
        }
        return Dataset(name: DatasetName.digits.rawValue, images: images, labels: labels, classCount: classCount, height: height, width: width)
    }

    /// Reads lines of 64 pixel values and a label, comma-separated.
    static func parse(_ text: [UInt8]) throws(DatasetError) -> (images: [Float], labels: [Int]) {
        let fieldsPerLine = side * side + 1
        var images: [Float] = [], labels: [Int] = []
        images.reserveCapacity(count * side * side)
        labels.reserveCapacity(count)
        var fields: [Int] = []
        var value = 0, digits = 0
        func endLine() throws(DatasetError) {
            guard !fields.isEmpty else { return }
            guard fields.count == fieldsPerLine, fields.dropLast().allSatisfy({ (0...16).contains($0) }),
                  (0..<classCount).contains(fields[fields.count - 1])
            else {
                throw .unreadableResource("digits line \(labels.count + 1) is not 64 pixel values 0...16 and a label 0...9")
            }
            images.append(contentsOf: fields.dropLast().map { Float($0) / 16 })
            labels.append(fields[fields.count - 1])
            fields.removeAll(keepingCapacity: true)
        }
        for byte in text + [UInt8(ascii: "\n")] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ","), UInt8(ascii: "\n"):
                if digits > 0 { fields.append(value) }
                (value, digits) = (0, 0)
                if byte == UInt8(ascii: "\n") { try endLine() }
            case UInt8(ascii: "\r"), UInt8(ascii: " "):
                continue
            default:
                throw .unreadableResource("digits line \(labels.count + 1) contains an unexpected character")
            }
        }
        guard labels.count == count else {
            throw .unreadableResource("the digits file has \(labels.count) images, expected \(count)")
        }
        return (images, labels)
    }
}
