import Foundation

/// `stripes`: sine gratings `a·sin(2π·f·(u·cos θ + v·sin θ) + φ)` whose orientation θ and
/// frequency f give the class; the phase φ is random per image, so no single pixel tells the
/// class — the network must combine neighbours, which is what the 3×3 convolutions do.
///
/// Up to 4 classes differ in orientation only; with more, the classes are the orientations
/// (⌈K/2⌉ of them, evenly over 180°) at two frequencies, 1.5 and 3 periods per image.
/// Values lie in about [−1.3, 1.3] plus noise (σ = 0.3).
enum StripesSet {
    static let noise: Float = 0.3

    /// (θ, f) of class `label` among `classes`.
    static func grating(_ label: Int, classes: Int) -> (angle: Float, frequency: Float) {
        let orientations = classes <= 4 ? classes : (classes + 1) / 2
        let frequency: Float = classes <= 4 ? 2 : (label < orientations ? 1.5 : 3)
        return (Float.pi * Float(label % orientations) / Float(orientations), frequency)
    }

    static func make(count: Int, classes: Int, height: Int, width: Int, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed, stream: 11)
        let labels = Dataset.balancedLabels(count: count, classes: classes)
        var images = [Float](repeating: 0, count: count * height * width)
        images.withUnsafeMutableBufferPointer { buffer in
            for (index, label) in labels.enumerated() {
                let image = buffer.baseAddress! + index * height * width
                let (angle, frequency) = grating(label, classes: classes)
                let (cu, cv) = (cos(angle), sin(angle))
                let phase = 2 * Float.pi * generator.nextUniform()
                let amplitude = generator.nextUniform(in: 0.7, 1.3)
                for i in 0..<height {
                    let v = (Float(i) + 0.5) / Float(height)
                    for j in 0..<width {
                        let u = (Float(j) + 0.5) / Float(width)
                        image[i * width + j] = amplitude * sin(2 * Float.pi * frequency * (u * cu + v * cv) + phase)
                            + noise * generator.nextNormal()
                    }
                }
            }
        }
        return Dataset(name: DatasetName.stripes.rawValue, images: images, labels: labels, classCount: classes, height: height, width: width)
    }
}
