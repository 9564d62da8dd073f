import NormMath

/// Lesson 13, "Implementierungsaspekte — Berechnungseffizienz": the same normalization as one
/// fused kernel and as four separate passes, timed live on the user's machine while the
/// tensor outgrows the caches.
///
/// Timing is not reproducible: no seed fixes it, and other programs disturb it. The claims
/// are therefore about ratios of times measured side by side (each round runs every kernel),
/// over the three largest sizes together, with bounds derived from the bytes each kernel
/// moves and wide margins — and nothing is claimed about two threads, whose gain depends on
/// a free core.
public enum FusedKernelsLesson {
    /// The claims are judged on the finished sweep.
    static let judgedAt = FusedKernelsEngine.sizes.count * FusedKernelsEngine.rounds

    public static let lesson = make(timing: .measured)

    /// The same lesson on ``KernelTiming/modeled``: the same screen on every run, and a sweep
    /// that takes no time, for tests (golden screens, the claims' bookkeeping). Never the
    /// catalogue's: the lesson is about the user's machine.
    public static let modeled = make(timing: .modeled)

    static func make(timing: KernelTiming) -> Lesson {
        Lesson(
        id: "fused-kernels", number: 13, section: "Implementierungsaspekte: Berechnungseffizienz",
        title: Localized(en: "Fused kernels", de: "Fusionierte Kernel"),
        summary: Localized(
            en: "the same normalization as one fused kernel and as four passes, timed on your machine from 16 KiB to 256 MiB: past the caches the passes take at least 1.5 times as long",
            de: "dieselbe Normalisierung als ein fusionierter Kernel und als vier getrennte Durchläufe, gemessen auf deinem Rechner von 16 KiB bis 256 MiB: Passt der Tensor nicht mehr in die Caches, brauchen die Durchläufe mindestens 1,5-mal so lange"),
        pages: [
            LessonPage(
                title: Localized(en: "What to watch", de: "Worauf achten"),
                text: Localized(
                    en: """
                    One normalization, y = γ·(x − μ)/σ + β, computed two ways on your machine, now. The fused kernel is NormMath's: per group it computes μ and σ², then writes y, in one go. The unfused version does what a framework without fusion does: four passes over the whole tensor — μ, then σ², then the standardized z = (x − μ)/σ into a temporary tensor, then y = γ·z + β — each a kernel of its own that reads from memory and writes back. Both give the same y (a test checks it).

                    Press space. The sweep times both on tensors from 16 KiB to 256 MiB, doubling, for Batch Norm and Layer Norm (v switches the chart), on 1 and 2 threads (t switches), and a memcpy of the same tensor as the yardstick: every normalization must at least read x and write y, as the copy does — it is the floor in bytes. Each size gets \(FusedKernelsEngine.rounds) rounds; a time is the median of its rounds, in nanoseconds per element.

                    Watch the chart where the tensor leaves the caches — on most machines somewhere between a few MiB and a few tens of MiB. At tensor sizes of 64 to 256 MiB, past the last-level cache, the unfused passes take at least 1.5 times as long as the fused kernel, for Batch Norm and for Layer Norm, on one thread. The last page checks it on this machine.
                    """,
                    de: """
                    Eine Normalisierung, y = γ·(x − μ)/σ + β, auf zwei Arten berechnet – jetzt, auf deinem Rechner. Der fusionierte Kernel ist der von NormMath: Je Gruppe berechnet er μ und σ² und schreibt dann y, in einem Zug. Die getrennte (nicht fusionierte) Version macht, was ein Framework ohne Fusion tut: vier Durchläufe über den ganzen Tensor — μ, dann σ², dann das standardisierte z = (x − μ)/σ in einen Zwischentensor, dann y = γ·z + β —, jeder ein eigener Kernel, der aus dem Speicher liest und zurückschreibt. Beide liefern dasselbe y (ein Test prüft das).

                    Drücke die Leertaste. Der Sweep misst beide auf Tensoren von 16 KiB bis 256 MiB, die Größe jeweils verdoppelt, für Batch Norm und Layer Norm (v schaltet das Diagramm um), mit 1 und 2 Threads (t schaltet um), dazu ein memcpy desselben Tensors als Maßstab: Jede Normalisierung muss mindestens x lesen und y schreiben, genau wie die Kopie — die Kopie ist also die Untergrenze an Bytes. Jede Größe wird in \(FusedKernelsEngine.rounds) Runden gemessen; eine Zeit ist der Median dieser Runden, in Nanosekunden je Element.

                    Achte auf die Stelle, an der der Tensor nicht mehr in die Caches passt — auf den meisten Rechnern irgendwo zwischen wenigen MiB und einigen Dutzend MiB. Jenseits des letzten Caches (bei 64 bis 256 MiB) brauchen die getrennten Durchläufe mindestens 1,5-mal so lange wie der fusionierte Kernel, bei Batch Norm und bei Layer Norm, mit einem Thread. Die letzte Seite prüft das auf diesem Rechner.
                    """)),
            LessonPage(
                title: Localized(en: "Bytes, not arithmetic", de: "Bytes zählen"),
                text: Localized(
                    en: """
                    Normalizing is little arithmetic per element: a subtraction, a multiplication, an addition. What costs is moving the data. Count the bytes per element (a Float is 4): the fused kernel reads x for μ and σ², reads it again to normalize, and writes y — 12 bytes. The unfused passes read x for μ, read it for σ², read x and write z, read z and write y — 24 bytes. The copy reads 4 and writes 4.

                    While the tensor fits in a cache (L1 and L2: tens of KiB to a few MiB per core, L3: tens of MiB), a second pass finds the data there, and the extra passes cost little; at the smallest sizes the fixed cost of each call (its small buffers, Batch Norm's running statistics) weighs more, and either version can come out ahead. Past the last cache every pass goes to main memory, and time follows bytes: the copy becomes several times slower per element than in the caches, at least 3 times, and fused and unfused move their bytes at about the same rate — within a factor 1.5 of each other for Batch Norm. Twice the bytes, about twice the time.

                    Layer Norm's fused kernel does one sample (16 KiB) at a time, so its second read of x comes from the cache: it moves only 8 bytes per element to and from memory. Its time can come close to the copy's, on some machines even below it. Reads also cost less than writes (a write first reads its cache line), so a kernel's time at copy speed, in the table, are an estimate, not a bound.
                    """,
                    de: """
                    Normalisieren ist wenig Rechenarbeit je Element: eine Subtraktion, eine Multiplikation, eine Addition. Teuer ist das Bewegen der Daten. Zähle die Bytes je Element (ein Float hat 4): Der fusionierte Kernel liest x für μ und σ², liest es noch einmal zum Normalisieren und schreibt y — 12 Bytes. Die getrennten Durchläufe lesen x für μ, lesen es noch einmal für σ², lesen x und schreiben z, lesen z und schreiben y — 24 Bytes. Die Kopie liest 4 und schreibt 4.

                    Solange der Tensor in einen Cache passt (L1 und L2: einige Dutzend KiB bis wenige MiB je Kern, L3: einige Dutzend MiB), findet ein zweiter Durchlauf die Daten dort, und die zusätzlichen Durchläufe kosten wenig; bei den kleinsten Größen wiegen die festen Kosten jedes Aufrufs (seine kleinen Puffer, die laufenden Statistiken von Batch Norm) schwerer, und jede der beiden Versionen kann vorn liegen. Jenseits des letzten Caches muss jeder Durchlauf in den Hauptspeicher, und die Zeit richtet sich nach den Bytes: Die Kopie braucht je Element ein Vielfaches ihrer Zeit in den Caches, mindestens das 3-Fache, und die fusionierte und die getrennte Version bewegen ihre Bytes etwa gleich schnell — bei Batch Norm liegen sie höchstens um den Faktor 1,5 auseinander. Doppelt so viele Bytes, etwa doppelt so viel Zeit.

                    Der fusionierte Layer-Norm-Kernel bearbeitet ein Sample (16 KiB) nach dem anderen; beim zweiten Lesen liegt x also noch im Cache: Er bewegt nur 8 Bytes je Element vom und zum Hauptspeicher. Seine Zeit kann nahe an die der Kopie herankommen, auf manchen Rechnern sogar darunter liegen. Außerdem kostet Lesen weniger als Schreiben (ein Schreibzugriff liest zuerst seine Cache-Zeile); die Zeile „Zeit im Kopiertempo“ in der Tabelle — die Zeit, die die Bytes eines Kernels im Tempo der Kopie bräuchten — ist deshalb eine Schätzung, keine Schranke.
                    """)),
            LessonPage(
                title: Localized(en: "Fusion in practice", de: "Fusion in der Praxis"),
                text: Localized(
                    en: """
                    Frameworks fuse for this reason. PyTorch's BatchNorm2d and LayerNorm call one kernel each (cuDNN's batch norm on the GPU, PyTorch's own fused layer-norm kernel), and llm.c writes its layer norm as one loop that keeps only μ and 1/σ for the backward pass, as NormMath does. Written out as tensor operations — x.mean(), x.var(), (x − μ)/σ, γ·z + β — the same formula becomes the four passes here, each with a temporary tensor; compilers such as torch.compile and XLA fuse such chains back into one kernel.

                    Two threads are shown, not claimed. On a machine with a free core, a second thread often moves more bytes per second past the caches; on a machine that is busy (another program, a build) the second thread waits for a core and can even be slower than one. Look at what yours shows, and run the lesson again while something else runs.

                    The times are this machine's, now: no seed sets them (the seed sets only the tensor's values), and no two runs give the same numbers. The claims are about ratios of kernels timed side by side, round by round, with wide margins — so they hold on a busy machine too.
                    """,
                    de: """
                    Aus diesem Grund fusionieren Frameworks. BatchNorm2d und LayerNorm in PyTorch rufen je einen Kernel auf (auf der GPU den Batch-Norm-Kernel von cuDNN, für Layer Norm einen eigenen fusionierten Kernel von PyTorch), und llm.c schreibt seine Layer Norm als eine Schleife, die für den Rückwärtsdurchlauf nur μ und 1/σ behält, wie es auch NormMath tut. Als Tensoroperationen ausgeschrieben — x.mean(), x.var(), (x − μ)/σ, γ·z + β — wird dieselbe Formel zu den vier Durchläufen dieser Lektion, jeder mit einem Zwischentensor; Compiler wie torch.compile und XLA fusionieren solche Ketten wieder zu einem Kernel.

                    Zwei Threads werden gezeigt, aber zu ihnen gibt es keine Behauptung. Auf einem Rechner mit einem freien Kern bewegt ein zweiter Thread jenseits der Caches oft mehr Bytes je Sekunde; auf einem ausgelasteten Rechner (durch ein anderes Programm, einen Build) wartet der zweite Thread auf einen Kern, und zwei Threads können sogar langsamer sein als einer. Schau, was deiner zeigt, und starte die Lektion noch einmal, während etwas anderes läuft.

                    Die Zeiten gelten für diesen Rechner und diesen Moment: Kein Seed legt sie fest (der Seed bestimmt nur die Werte des Tensors), und keine zwei Läufe liefern dieselben Zahlen. Die Behauptungen betreffen Verhältnisse der Zeiten von Kerneln, die Runde für Runde nebeneinander gemessen werden, mit viel Spielraum — deshalb gelten sie auch auf einem ausgelasteten Rechner.
                    """)),
        ],
        claims: claims,
        makeEngine: { FusedKernelsEngine(seeds: $0, timing: timing) })
    }

    /// The sizes claims are judged over, as the text names them.
    static let past = FusedKernelsEngine.pastTheCaches

    static func slowdownClaim(_ variant: NormVariant, id: String, name: String) -> Claim {
        .on(FusedKernelsEngine.self, id: id,
            text: Localized(
                en: "At tensor sizes of 64 to 256 MiB, past the last-level cache, the unfused passes take at least 1.5 times as long as the fused kernel for \(name), on one thread.",
                de: "Jenseits des letzten Caches (bei 64 bis 256 MiB) brauchen die getrennten Durchläufe bei \(name) mit einem Thread mindestens 1,5-mal so lange wie der fusionierte Kernel."),
            step: judgedAt
        ) { engine, _ in
            let fused = engine.totalNanoseconds(.init(variant: variant, fused: true, threads: 1), over: past) ?? .nan
            let unfused = engine.totalNanoseconds(.init(variant: variant, fused: false, threads: 1), over: past) ?? .nan
            let ratio = unfused / fused
            return Verdict(
                holds: ratio >= 1.5,
                measured: Localized(
                    en: "ns per element, summed over 64–256 MiB: fused \(MeasuredNumber.short(fused)), unfused \(MeasuredNumber.short(unfused)) (×\(MeasuredNumber.short(ratio)))",
                    de: "ns je Element, summiert über 64–256 MiB: fusioniert \(MeasuredNumber.short(fused, .de)), getrennt \(MeasuredNumber.short(unfused, .de)) (×\(MeasuredNumber.short(ratio, .de)))"))
        }
    }

    static let claims: [Claim] = [
        slowdownClaim(.batch, id: "unfused-slower-past-the-cache-batch-norm", name: "Batch Norm"),
        slowdownClaim(.layer, id: "unfused-slower-past-the-cache-layer-norm", name: "Layer Norm"),
        .on(FusedKernelsEngine.self, id: "copy-slows-past-the-cache",
            text: Localized(
                en: "Past the last cache the copy becomes at least 3 times slower per element than in the caches.",
                de: "Jenseits des letzten Caches wird die Kopie je Element mindestens 3-mal so langsam wie in den Caches."),
            step: judgedAt
        ) { engine, _ in
            // The fastest of the sizes up to 1 MiB: one size disturbed by another program does not decide.
            let inCache = FusedKernelsEngine.inTheCaches.compactMap { engine.points[$0].copyNanoseconds }.min() ?? .nan
            let pastCache = (engine.totalCopyNanoseconds(over: past) ?? .nan) / Double(past.count)
            let ratio = pastCache / inCache
            return Verdict(
                holds: ratio >= 3,
                measured: Localized(
                    en: "copy, ns per element: fastest up to 1 MiB \(MeasuredNumber.short(inCache)), mean over 64–256 MiB \(MeasuredNumber.short(pastCache)) (×\(MeasuredNumber.short(ratio)))",
                    de: "Kopie, ns je Element: Bestwert bis 1 MiB \(MeasuredNumber.short(inCache, .de)), Mittel über 64–256 MiB \(MeasuredNumber.short(pastCache, .de)) (×\(MeasuredNumber.short(ratio, .de)))"))
        },
        .on(FusedKernelsEngine.self, id: "time-follows-bytes",
            text: Localized(
                en: "Past the last cache, fused and unfused move their bytes at about the same rate: within a factor 1.5 of each other for Batch Norm.",
                de: "Jenseits des letzten Caches bewegen der fusionierte Kernel und die getrennten Durchläufe ihre Bytes etwa gleich schnell: Bei Batch Norm unterscheiden sich ihre GB/s höchstens um den Faktor 1,5."),
            step: judgedAt
        ) { engine, _ in
            let fused = engine.gigabytesPerSecond(.init(variant: .batch, fused: true, threads: 1), over: past) ?? .nan
            let unfused = engine.gigabytesPerSecond(.init(variant: .batch, fused: false, threads: 1), over: past) ?? .nan
            let factor = max(fused, unfused) / min(fused, unfused)
            return Verdict(
                holds: factor <= 1.5,
                measured: Localized(
                    en: "Batch Norm, 1 thread, 64–256 MiB: fused \(MeasuredNumber.short(fused)) GB/s (12 B per element), unfused \(MeasuredNumber.short(unfused)) GB/s (24 B)",
                    de: "Batch Norm, 1 Thread, 64–256 MiB: fusioniert \(MeasuredNumber.short(fused, .de)) GB/s (12 B je Element), getrennt \(MeasuredNumber.short(unfused, .de)) GB/s (24 B)"))
        },
    ]
}
