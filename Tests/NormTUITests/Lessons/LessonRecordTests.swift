import Testing
import NormMath
@testable import NormTUI
@testable import NormLessons

/// The columns of `normtui lesson NAME --steps K` are a contract with the scripts and slides
/// that read them: they change only on purpose.
struct LessonRecordTests {
    static let columns: [String: [String]] = [
        "statistics-groups": ["step", "variant", "groups", "group", "elements", "mean", "variance", "denominator", "y_mean", "y_std"],
        "covariate-shift": ["step", "layer", "channel", "bn_p15", "bn_p50", "bn_p85", "none_p15", "none_p50", "none_p85",
                            "bn_widening", "none_widening"],
        "learning-rate": ["step", "lr", "bn_loss", "none_loss", "bn_eval_accuracy", "none_eval_accuracy",
                          "bn_band_low", "bn_band_high", "none_band_low", "none_band_high"],
        "batch-size": ["step", "progress"] + [32, 16, 8, 4, 2, 1].flatMap { n in
            ["bn_eval_accuracy_n\(n)", "gn_eval_accuracy_n\(n)", "bn_train_mode_accuracy_n\(n)"]
        },
        "train-inference": ["step", "bn_momentum"] + [4, 16, 64].flatMap { n in
            ["n\(n)_train_mode_accuracy", "n\(n)_eval_mode_accuracy", "n\(n)_heldout_accuracy", "n\(n)_stat_mismatch"]
        },
        "scale-invariance": ["step", "scale", "bn_loss", "none_loss", "bn_l2_grad_norm", "none_l2_grad_norm",
                             "bn_output_change", "none_output_change"],
        "batch-noise": ["step"] + [4, 16, 64].flatMap { n in
            ["n\(n)_mean_spread", "n\(n)_var_spread", "n\(n)_train_accuracy", "n\(n)_heldout_accuracy"]
        },
        "numerical-stability": ["step", "eps", "constant_y_max", "constant_dx_max", "nearly_constant_y_std",
                                "placement_ratio_sigma_1e-3", "naive_rel_error_offset_100", "two_pass_rel_error_offset_100"],
        "instance-style": ["step", "channel", "before_std_spread", "batch_std_spread", "instance_std_spread",
                           "group_std_spread", "layer_std_spread", "bn_loss", "in_loss", "bn_eval_accuracy", "in_eval_accuracy"],
        "pre-post-ln": ["step", "loss_post", "loss_post_warmup", "loss_pre", "loss_pre_warmup",
                        "post_ln_grad_ratio_last_first", "pre_ln_grad_ratio_last_first"],
        "normalizer-free": ["step", "bn_loss", "none_loss", "agc_loss", "nf_loss", "bn_heldout_accuracy",
                            "none_heldout_accuracy", "agc_heldout_accuracy", "nf_heldout_accuracy", "nf_clipped_fraction"],
        "rmsnorm": ["step", "offset", "layer_mean", "layer_std", "rms_mean", "rms_std", "max_difference", "layer_loss", "rms_loss"],
        "adain": ["step", "loss", "channel", "max_mean_gap", "max_std_gap", "min_correlation_with_content",
                  "mean_correlation_with_style"],
        "gamma-beta": ["step", "affine_loss", "plain_loss", "affine_heldout_loss", "plain_heldout_loss"]
            + (1...4).flatMap { ["gamma_\($0)", "beta_\($0)"] } + ["roundtrip_max_difference"],
        "revin": ["step", "plain_training_error", "plain_test_error", "revin_training_error", "revin_test_error",
                  "last_value_test_error", "revin_gamma", "revin_beta"],
        "which-norm": ["step"] + WhichNormTable.rows.map { "\($0.id)_holds" },
        "sequences": ["step"] + ["plain", "ln"].flatMap { ["\($0)_loss", "\($0)_held_out_loss", "\($0)_grad_first_over_last", "\($0)_hidden_spread_last"] }
            + ["padded_over_running_mean_41_60"],
        "transformer": ["step"] + ["post_ln", "post_ln_warmup", "post_ln_qk_norm", "pre_ln", "pre_ln_qk_norm", "pre_rmsnorm"]
            .flatMap { ["loss_\($0)", "largest_logit_\($0)"] } + ["post_ln", "pre_ln", "pre_rmsnorm"].flatMap { ["init_grad_norm_\($0)_block1", "init_grad_norm_\($0)_block2"] },
        "fused-kernels": ["step", "bytes", "rounds", "copy_ns_per_element", "copy_gbps"] + ["bn", "ln"].flatMap { v in
            ["fused", "unfused"].flatMap { k in ["1t", "2t"].map { "\(v)_\(k)_\($0)_ns_per_element" } }
        },
        "graphs": ["step"] + [2, 4, 8, 16].flatMap { ["plain_\($0)_accuracy", "pairnorm_\($0)_accuracy"] }
            + ["plain", "pairnorm"].flatMap { model in
                ["layer_1_initial", "layer_16_initial", "layer_1", "layer_16"].map { "\(model)_spread_\($0)" }
            },
    ]

    @Test(arguments: LessonCatalog.all.map(\.id))
    func everyLessonRecordsItsColumns(id: String) throws {
        let lesson = try #require(LessonCatalog.find(id))
        var engine = lesson.makeEngine(.standard)
        engine.advance()
        #expect(engine.record().columns == Self.columns[id])
    }

    @Test func compareModeRecordsBothRuns() {
        var engine = ComparedRunsEngine(base: ExperimentConfig(), settings: [CompareSetting(.lr, "2")])
        engine.advance()
        #expect(engine.record().columns == ["step", "a_loss", "b_loss", "a_accuracy", "b_accuracy", "a_eval_accuracy", "b_eval_accuracy"])
    }

    @Test func aMissingMeasurementIsMissing() {
        var record = LessonRecord(step: 3)
        record.append("loss", nil as Double?)
        record.append("layer", 2)
        record.append("lr", 0.5)
        #expect(record.values == [.integer(3), .missing, .integer(2), .number(0.5)])
        #expect(record["lr"] == .number(0.5))
    }
}

/// The lesson screen finds an engine's drawing with a dynamic cast: every engine must have one.
struct LessonRenderingTests {
    @Test(arguments: LessonCatalog.all.map(\.id))
    func everyLessonEngineIsDrawable(id: String) throws {
        let lesson = try #require(LessonCatalog.find(id))
        #expect(lesson.makeEngine(.standard) is any LessonRendering)
    }

    @Test func compareModeIsDrawable() {
        let lesson = Guide.compare(CompareMode(base: ExperimentConfig()))
        #expect(lesson.makeEngine(.standard) is any LessonRendering)
    }
}
