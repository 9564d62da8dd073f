/// A scratch buffer of Floats for the duration of a closure: the per-block sums of a
/// convolution's weight gradient, reused rather than kept in an array that would be zeroed.
@inline(__always)
func withScratch<R>(count: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    defer { buffer.deallocate() }
    return body(buffer)
}
