import Foundation

/// `blobs`: each class is a fixed arrangement of three Gaussian bumps (drawn once from the
/// seed); every image jitters the bumps' places and heights and adds pixel noise. Smooth and
/// easy — the set on which every variant trains, so that differences come from the dynamics.
///
/// Coordinates are fractions of the image, so the same classes appear at any H×W. Values lie
/// around [0, 1] plus noise (σ = 0.25).
enum BlobsSet {
    static let bumpsPerClass = 3
    /// Bump radius (standard deviation) as a fraction of the image side.
    static let radius: Float = 0.14
    static let jitter: Float = 0.05
    static let noise: Float = 0.25

    static func make(count: Int, classes: Int, height: Int, width: Int, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed, stream: 10)
        // Prototypes: per class and bump a centre (u, v) and a height.
        let prototypes = (0..<classes).map { _ in
            (0..<bumpsPerClass).map { _ in
                (u: generator.nextUniform(in: 0.15, 0.85), v: generator.nextUniform(in: 0.15, 0.85),
                 height: generator.nextUniform(in: 0.6, 1.0))
            }
        }
        let labels = Dataset.balancedLabels(count: count, classes: classes)
        var images = [Float](repeating: 0, count: count * height * width)
        let inverseTwoVariance = 1 / (2 * radius * radius)
        images.withUnsafeMutableBufferPointer { buffer in
            for (index, label) in labels.enumerated() {
                let image = buffer.baseAddress! + index * height * width
                for bump in prototypes[label] {
                    let u0 = bump.u + jitter * generator.nextNormal(), v0 = bump.v + jitter * generator.nextNormal()
                    let amplitude = bump.height * generator.nextUniform(in: 0.8, 1.2)
                    for i in 0..<height {
                        let dv = (Float(i) + 0.5) / Float(height) - v0
                        for j in 0..<width {
                            let du = (Float(j) + 0.5) / Float(width) - u0
                            image[i * width + j] += amplitude * exp(-(du * du + dv * dv) * inverseTwoVariance)
                        }
                    }
                }
                for p in 0..<(height * width) { image[p] += noise * generator.nextNormal() }
            }
        }
        return Dataset(name: DatasetName.blobs.rawValue, images: images, labels: labels, classCount: classes, height: height, width: width)
    }
}
