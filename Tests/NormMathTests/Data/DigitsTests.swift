import Testing
@testable import NormMath

@Suite("Digits")
struct DigitsTests {
    @Test("the bundled digits are 1797 8×8 images, labels 0…9, pixels in [0, 1]")
    func load() throws {
        let digits = try Dataset.make("digits", height: 8, width: 8, seed: 0)
        #expect(digits.count == 1797)
        #expect(digits.images.count == 1797 * 64)
        #expect(digits.classCount == 10)
        #expect(Set(digits.labels) == Set(0..<10))
        #expect(digits.labels.prefix(3) == [0, 1, 2])
        #expect(digits.images.min() == 0 && digits.images.max() == 1)
        let mean = digits.images.reduce(0, +) / Float(digits.images.count)
        #expect(mean > 0.2 && mean < 0.4)  // ink covers about a third of the pixels
        // Every class has about a tenth of the images (174…183 in this set).
        for label in 0..<10 { #expect((170...190).contains(digits.labels.filter { $0 == label }.count)) }
    }

    @Test("resampling to 16×16 keeps each image's mean roughly")
    func resample() throws {
        let small = try Dataset.make("digits", height: 8, width: 8, seed: 0)
        let large = try Dataset.make("digits", height: 16, width: 16, seed: 0)
        #expect(large.images.count == 1797 * 256)
        #expect(large.labels == small.labels)
        for image in stride(from: 0, to: 1797, by: 97) {
            let a = small.images[(image * 64)..<((image + 1) * 64)].reduce(0, +) / 64
            let b = large.images[(image * 256)..<((image + 1) * 256)].reduce(0, +) / 256
            #expect(abs(a - b) < 0.03)
        }
    }

    @Test("bilinear resampling of a constant image is that constant; at the same size it is the identity")
    func bilinear() {
        let constant = Resample.bilinear([Float](repeating: 0.5, count: 6), count: 1, fromHeight: 2, fromWidth: 3, toHeight: 5, toWidth: 7)
        #expect(constant.allSatisfy { $0 == 0.5 })
        let image: [Float] = [1, 2, 3, 4, 5, 6]
        #expect(Resample.bilinear(image, count: 1, fromHeight: 2, fromWidth: 3, toHeight: 2, toWidth: 3) == image)
        // Upsampling 1-D [0, 1] by 2 with align_corners=False gives [0, 0.25, 0.75, 1].
        #expect(Resample.bilinear([0, 1], count: 1, fromHeight: 1, fromWidth: 2, toHeight: 1, toWidth: 4) == [0, 0.25, 0.75, 1])
    }

    @Test("a damaged gzip stream is an error, not a crash")
    func damaged() {
        #expect(throws: DatasetError.self) { try Gzip.decompress([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]) }
    }

    @Test func classSizesAreTheFilesOwn() throws {
        let digits = try Digits.load(height: 8, width: 8)
        #expect((0..<10).map { label in digits.labels.filter { $0 == label }.count } == Digits.classSizes)
    }
}
