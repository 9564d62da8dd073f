/// One trainable array of a ``Network``: whose it is (a block or the head) and what it is.
///
/// Every walk over a network's parameters — the SGD update, a step along the gradient, the
/// gradient norm, the finiteness check — goes through ``Network/parameters`` in one order:
///
///     block 0: W, b, γ, β   block 1: W, b, γ, β   …   head: W, b
///
/// and ``slot`` is the position in that order, the optimizer's momentum slot. An array a
/// variant lacks (a bias before a normalization layer, β of RMSNorm, every γ and β without
/// normalization) keeps its place, so a slot names the same array whatever the variant.
public struct NetworkParameter: Hashable, Sendable {
    public enum Owner: Hashable, Sendable {
        /// Normalized block `index` (0-based): its transform's W and b, its normalization's γ, β.
        case block(Int)
        /// The linear head that maps the features `[N, C]` to the logits `[N, K]`.
        case head
    }

    public enum Role: Int, Hashable, Sendable, CaseIterable {
        /// W: `[C_out, C_in, 3, 3]` for a convolution, `[out, in]` for a linear layer.
        case weight
        /// b, one per output channel.
        case bias
        /// γ, the normalization's scale per channel (Ioffe & Szegedy 2015, §3).
        case gamma
        /// β, the normalization's shift per channel.
        case beta
    }

    public let owner: Owner
    public let role: Role
    /// The position in ``Network/parameters``; the optimizer's slot for this array.
    public let slot: Int

    /// Every parameter of a network with `blockCount` blocks, in slot order.
    static func all(blockCount: Int) -> [NetworkParameter] {
        var parameters: [NetworkParameter] = []
        parameters.reserveCapacity(4 * blockCount + 2)
        for block in 0..<blockCount {
            for role in Role.allCases {
                parameters.append(NetworkParameter(owner: .block(block), role: role, slot: parameters.count))
            }
        }
        for role in [Role.weight, .bias] {
            parameters.append(NetworkParameter(owner: .head, role: role, slot: parameters.count))
        }
        return parameters
    }
}

extension Network {
    /// Every parameter slot, in the one order of every walk: per block W, b, γ, β; then the
    /// head's W, b. Includes the slots whose array this network lacks (the subscript gives
    /// `nil` for them).
    public var parameters: [NetworkParameter] { NetworkParameter.all(blockCount: blocks.count) }

    /// The values of `parameter`, flat; `nil` when the network lacks that array.
    /// - Precondition: setting keeps an array's presence: W is never set to `nil`.
    public subscript(parameter: NetworkParameter) -> [Float]? {
        get {
            switch (parameter.owner, parameter.role) {
            case (.block(let index), .weight): blocks[index].weight
            case (.block(let index), .bias): blocks[index].bias
            case (.block(let index), .gamma): blocks[index].norm.gamma
            case (.block(let index), .beta): blocks[index].norm.beta
            case (.head, .weight): head.weight
            case (.head, .bias): head.bias
            case (.head, .gamma), (.head, .beta): nil
            }
        }
        set {
            switch (parameter.owner, parameter.role) {
            case (.block(let index), .weight):
                precondition(newValue != nil, "a block always has a weight")
                blocks[index].weight = newValue!
            case (.block(let index), .bias): blocks[index].bias = newValue
            case (.block(let index), .gamma): blocks[index].norm.gamma = newValue
            case (.block(let index), .beta): blocks[index].norm.beta = newValue
            case (.head, .weight):
                precondition(newValue != nil, "the head always has a weight")
                head.weight = newValue!
            case (.head, .bias): head.bias = newValue
            case (.head, .gamma), (.head, .beta):
                precondition(newValue == nil, "the head has no γ or β")
            }
        }
    }

    /// Values per unit of `parameter`, the unit adaptive gradient clipping scales as one: a
    /// weight's row (one output's fan-in: C_in·3·3 for a convolution, `in` for a linear
    /// layer); a single value of b, γ or β.
    /// - Precondition: the network has the parameter.
    public func unitSize(of parameter: NetworkParameter) -> Int {
        guard let values = self[parameter] else { preconditionFailure("the network has no \(parameter.role) there") }
        guard parameter.role == .weight else { return 1 }
        switch parameter.owner {
        case .block: return values.count / activationShape.c
        case .head: return head.inFeatures
        }
    }

    /// One optimizer step over every parameter that has a gradient in `gradients`, slot by
    /// slot (the slot numbers keep momentum buffers with their arrays from step to step).
    public mutating func update(with gradients: NetworkGradients, optimizer: inout SGD) {
        for parameter in parameters {
            guard let gradient = gradients[parameter], self[parameter] != nil else { continue }
            optimizer.step(&self[parameter]!, gradient: gradient, slot: parameter.slot)
        }
    }
}

extension NetworkGradients {
    /// The same slots as ``Network/parameters`` for the network these gradients are of.
    public var parameters: [NetworkParameter] { NetworkParameter.all(blockCount: blocks.count) }

    /// ∂L/∂`parameter`, shaped like the parameter; `nil` when the network lacks the array.
    /// (∂L/∂(pre-norm activation) is no parameter's gradient: it stays in ``BlockGradients``.)
    public subscript(parameter: NetworkParameter) -> [Float]? {
        get {
            switch (parameter.owner, parameter.role) {
            case (.block(let index), .weight): blocks[index].weight
            case (.block(let index), .bias): blocks[index].bias
            case (.block(let index), .gamma): blocks[index].gamma
            case (.block(let index), .beta): blocks[index].beta
            case (.head, .weight): head.weight
            case (.head, .bias): head.bias
            case (.head, .gamma), (.head, .beta): nil
            }
        }
        set {
            switch (parameter.owner, parameter.role) {
            case (.block(let index), .weight):
                precondition(newValue != nil, "a block always has a weight gradient")
                blocks[index].weight = newValue!
            case (.block(let index), .bias): blocks[index].bias = newValue
            case (.block(let index), .gamma): blocks[index].gamma = newValue
            case (.block(let index), .beta): blocks[index].beta = newValue
            case (.head, .weight):
                precondition(newValue != nil, "the head always has a weight gradient")
                head.weight = newValue!
            case (.head, .bias): head.bias = newValue
            case (.head, .gamma), (.head, .beta):
                precondition(newValue == nil, "the head has no γ or β")
            }
        }
    }

    /// The Euclidean norm over every parameter's gradient: √ of the sum, slot by slot, of each
    /// array's Σ g² (``Swift/Array/sumOfSquares``).
    public var norm: Double {
        var squares = 0.0
        for parameter in parameters {
            if let gradient = self[parameter] { squares += gradient.sumOfSquares }
        }
        return squares.squareRoot()
    }

    /// Whether every parameter's gradient is a finite number, so that an update cannot poison
    /// the weights.
    public var allFinite: Bool {
        parameters.allSatisfy { self[$0]?.allSatisfy(\.isFinite) ?? true }
    }
}
