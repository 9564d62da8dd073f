import Foundation

/// `contrast`: simple shapes (disc, ring, cross, …; the shape is the class), each image
/// multiplied by a random contrast s (log-uniform in [0.2, 5]) and shifted by a random
/// brightness b (uniform in [−3, 3]): `x = s·(shape + noise) + b`.
///
/// The lesson of instance normalization (Ulyanov et al. 2016): normalizing each image over its
/// own pixels removes s and b exactly, while batch norm's statistics, shared by the whole batch,
/// leave every image's contrast and brightness in place for the network to cope with.
enum ContrastSet {
    static let shapeCount = 8
    static let noise: Float = 0.15
    static let contrastRange: ClosedRange<Float> = 0.2...5
    static let brightnessRange: ClosedRange<Float> = -3...3

    /// Whether point (u, v) of the unit square, relative to the centre, lies on shape `shape`.
    static func covers(_ shape: Int, u: Float, v: Float) -> Bool {
        let r = (u * u + v * v).squareRoot()
        switch shape {
        case 0: return r < 0.3  // disc
        case 1: return r > 0.2 && r < 0.38  // ring
        case 2: return abs(u) < 0.1 || abs(v) < 0.1  // plus
        case 3: return abs(u - v) < 0.12 || abs(u + v) < 0.12  // X
        case 4: return abs(abs(v) - 0.22) < 0.1  // two horizontal bars
        case 5: return abs(abs(u) - 0.22) < 0.1  // two vertical bars
        case 6: return max(abs(u), abs(v)) > 0.22 && max(abs(u), abs(v)) < 0.36  // square outline
        default: return (u < 0) == (v < 0)  // checkerboard quadrants
        }
    }

    static func make(count: Int, classes: Int, height: Int, width: Int, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed, stream: 12)
        let labels = Dataset.balancedLabels(count: count, classes: classes)
        var images = [Float](repeating: 0, count: count * height * width)
        let logContrast = (log(contrastRange.lowerBound), log(contrastRange.upperBound))
        images.withUnsafeMutableBufferPointer { buffer in
            for (index, label) in labels.enumerated() {
                let image = buffer.baseAddress! + index * height * width
                let shiftU = generator.nextUniform(in: -0.06, 0.06), shiftV = generator.nextUniform(in: -0.06, 0.06)
                let contrast = exp(generator.nextUniform(in: logContrast.0, logContrast.1))
                let brightness = generator.nextUniform(in: brightnessRange.lowerBound, brightnessRange.upperBound)
                for i in 0..<height {
                    let v = (Float(i) + 0.5) / Float(height) - 0.5 - shiftV
                    for j in 0..<width {
                        let u = (Float(j) + 0.5) / Float(width) - 0.5 - shiftU
                        let pattern: Float = covers(label, u: u, v: v) ? 1 : 0
                        image[i * width + j] = contrast * (pattern + noise * generator.nextNormal()) + brightness
                    }
                }
            }
        }
        return Dataset(name: DatasetName.contrast.rawValue, images: images, labels: labels, classCount: classes, height: height, width: width)
    }
}
