import Foundation
import NormMath

// Layer norm of one sample with two channels of two values each: μ = 2.5, σ² = 1.25.
let input = #"{"variant": "layer", "shape": [1, 2, 1, 2], "x": [1, 2, 3, 4]}"#
let request = try ComputeRequest(json: Data(input.utf8))
print(try request.run().json)
