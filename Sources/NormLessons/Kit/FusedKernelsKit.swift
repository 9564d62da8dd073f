/// Lesson 13's kit: how much the four separate passes cost against the fused kernel once the
/// tensor is past the caches, and why — decided by the lesson's claims on the finished sweep.
enum FusedKernelsKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Count the bytes a normalization moves per element, fused (12) and in four separate passes (24), from what each pass reads and writes.",
                de: "Aus dem, was jeder Durchlauf liest und schreibt, die Bytes abzählen, die eine Normalisierung je Element bewegt: fusioniert 12, in vier getrennten Durchläufen 24."),
            Localized(
                en: "Read off the chart where the tensor leaves the caches, and explain why past that point time follows bytes rather than arithmetic.",
                de: "Im Diagramm ablesen, ab welcher Größe der Tensor nicht mehr in die Caches passt, und erklären, warum sich die Zeit danach nach den Bytes richtet und nicht nach der Rechenarbeit."),
            Localized(
                en: "Compare a kernel with the copy as the yardstick, in ns per element and in GB/s, and say why frameworks fuse normalization layers.",
                de: "Einen Kernel mit der Kopie als Maßstab vergleichen, in ns und GB/s je Element, und erklären, warum Frameworks Normalisierungsschichten fusionieren."),
        ],
        formula: Localized(
            en: """
            y = γ·(x − μ)/√(σ² + ε) + β on x of shape [N, 16, 16, 16] (16 KiB per sample), N from 1 to 16384: 16 KiB to 256 MiB of Floats.
            Fused (two-pass): read x for μ and σ², read x and write y: 4 + 4 + 4 = 12 bytes per element.
            Unfused: read x (μ); read x (σ²); read x, write z; read z, write y: 4 + 4 + 8 + 8 = 24 bytes per element.
            Copy (memcpy): 4 + 4 = 8 bytes per element. Effective GB/s = bytes per element ÷ ns per element; a kernel's time at copy speed = its bytes ÷ the copy's GB/s.
            Judged over 64, 128 and 256 MiB together, 1 thread, medians of \(FusedKernelsEngine.rounds) rounds.
            """,
            de: """
            y = γ·(x − μ)/√(σ² + ε) + β auf x der Form [N, 16, 16, 16] (16 KiB je Sample), N von 1 bis 16384: 16 KiB bis 256 MiB an Floats.
            Fusioniert (zwei Durchläufe): x lesen für μ und σ²; x lesen und y schreiben: 4 + 4 + 4 = 12 Bytes je Element.
            Getrennt: x lesen (μ); x lesen (σ²); x lesen, z schreiben; z lesen, y schreiben: 4 + 4 + 8 + 8 = 24 Bytes je Element.
            Kopie (memcpy): 4 + 4 = 8 Bytes je Element. Effektive GB/s = Bytes je Element ÷ ns je Element; Bytes eines Kernels im Kopiertempo = seine Bytes ÷ die GB/s der Kopie.
            Geprüft über 64, 128 und 256 MiB zusammen, 1 Thread, Mediane aus \(FusedKernelsEngine.rounds) Runden.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "At tensor sizes of 64 to 256 MiB, past the last-level cache, how long do the four separate passes take compared with the fused kernel, on one thread?",
                    de: "Wie lange brauchen die vier getrennten Durchläufe mit einem Thread jenseits des letzten Caches (bei 64 bis 256 MiB) im Vergleich zum fusionierten Kernel?"),
                answers: [
                    Localized(
                        en: "about as long: the arithmetic is the same",
                        de: "etwa gleich lange: Die Rechenarbeit ist dieselbe"),
                    Localized(
                        en: "at least 1.5 times as long, for Batch Norm and Layer Norm",
                        de: "mindestens 1,5-mal so lange, bei Batch Norm und bei Layer Norm"),
                    Localized(
                        en: "less: each pass is simpler",
                        de: "kürzer: Jeder Durchlauf ist einfacher"),
                    Localized(
                        en: "only Batch Norm is slower unfused; Layer Norm's groups are small",
                        de: "nur Batch Norm ist getrennt langsamer; die Gruppen von Layer Norm sind klein"),
                ],
                answer: 1, when: ["unfused-slower-past-the-cache-batch-norm", "unfused-slower-past-the-cache-layer-norm"],
                explanation: Localized(
                    en: "Past the caches every pass streams its tensors from main memory, and the memory bus, not the arithmetic, sets the pace. The unfused passes move 24 bytes per element, the fused kernel 12 (Layer Norm's even 8 from memory, its second read hits the cache): twice the bytes, about twice the time.",
                    de: "Jenseits der Caches holt jeder Durchlauf seine Tensoren aus dem Hauptspeicher, und der Speicherbus, nicht die Rechenarbeit, bestimmt das Tempo. Die getrennten Durchläufe bewegen 24 Bytes je Element, der fusionierte Kernel 12 (der von Layer Norm sogar nur 8 aus dem Hauptspeicher, denn beim zweiten Lesen liegt x noch im Cache): doppelt so viele Bytes, etwa doppelt so viel Zeit.")),
            PredictQuestion(
                prompt: Localized(
                    en: "A memcpy of the tensor reads and writes each element once. How does its time per element past the last cache compare with its time inside the caches (up to 1 MiB)?",
                    de: "Ein memcpy des Tensors liest und schreibt jedes Element einmal. Wie verhält sich seine Zeit je Element jenseits des letzten Caches zu seiner Zeit in den Caches (bis 1 MiB)?"),
                answers: [
                    Localized(en: "the same: a copy is a copy", de: "gleich: Kopie ist Kopie"),
                    Localized(en: "a little slower, by 10 to 50%", de: "etwas langsamer, um 10 bis 50 %"),
                    Localized(en: "at least 3 times slower", de: "mindestens 3-mal so langsam"),
                ],
                answer: 2, when: ["copy-slows-past-the-cache"],
                explanation: Localized(
                    en: "Inside L1 and L2 a core reads and writes tens to hundreds of bytes per nanosecond; main memory delivers a small fraction of that to one core. The copy does no arithmetic at all, so its time is the memory's speed — the yardstick for every kernel at that size.",
                    de: "In L1 und L2 liest und schreibt ein Kern Dutzende bis Hunderte Bytes je Nanosekunde; der Hauptspeicher liefert einem Kern nur einen kleinen Teil davon. Die Kopie rechnet gar nicht; ihre Zeit zeigt also allein das Tempo des Speichers — der Maßstab für jeden Kernel bei dieser Größe.")),
        ],
        discussion: [
            Localized(
                en: "Compare the ratio unfused ÷ fused at 256 KiB with the one at 256 MiB on your screen. What does an extra pass cost when its data still sit in L2?",
                de: "Vergleiche auf deinem Bildschirm das Verhältnis getrennt ÷ fusioniert bei 256 KiB mit dem bei 256 MiB. Was kostet ein zusätzlicher Durchlauf, wenn seine Daten noch im L2 liegen?"),
            Localized(
                en: "Two threads: did they help on your machine past the caches, and what would change if another program used the second core?",
                de: "Zwei Threads: Haben sie auf deinem Rechner jenseits der Caches geholfen, und was würde sich ändern, wenn ein anderes Programm den zweiten Kern belegte?"),
            Localized(
                en: "The backward pass needs z. The fused kernel keeps only μ and 1/σ per group and recomputes z from x; the unfused version has z in memory. What does each choice cost in bytes, during training?",
                de: "Der Rückwärtsdurchlauf braucht z. Der fusionierte Kernel behält nur μ und 1/σ je Gruppe und berechnet z aus x neu; die getrennte Version hat z im Speicher. Was kostet jeder der beiden Wege im Training an Bytes?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: """
                Time NormMath's fused kernels at 64 MiB yourself: normtui bench --variant all --shape 256x16x64x64 --threads 1, then with --threads 2. For Batch Norm's forward time, compute the effective GB/s (12 bytes per element ÷ ns per element) and compare it with the memcpy line. Which share of the copy's bandwidth does the kernel reach, and does the second thread raise it?
                """,
                de: """
                Miss die fusionierten Kernel von NormMath bei 64 MiB selbst: normtui bench --variant all --shape 256x16x64x64 --threads 1, dann mit --threads 2. Berechne für die Vorwärtszeit von Batch Norm die effektiven GB/s (12 Bytes je Element ÷ ns je Element) und vergleiche sie mit der memcpy-Zeile. Welchen Anteil der Bandbreite der Kopie erreicht der Kernel, und erhöht der zweite Thread diesen Anteil?
                """),
            hint: Localized(
                en: "bench prints ns per element and the memcpy's GB/s. 12 ÷ 1.5 ns = 8 GB/s, for example. Reads cost less than writes (a write first reads its cache line), so a kernel that reads more than it writes can come near, or even past, the copy's GB/s.",
                de: "bench gibt ns je Element und die GB/s von memcpy aus. Zum Beispiel: 12 ÷ 1,5 ns = 8 GB/s. Lesen kostet weniger als Schreiben (ein Schreibzugriff liest zuerst seine Cache-Zeile); ein Kernel, der mehr liest als schreibt, kann deshalb an die GB/s der Kopie heranreichen oder sie sogar übertreffen.")))
}
