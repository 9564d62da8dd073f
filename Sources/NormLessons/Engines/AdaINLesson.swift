import Foundation
import NormMath

/// Lesson 17, "Adaptive Normalisierung": AdaIN (Huang & Belongie 2017) gives one image's
/// feature maps the per-channel μ and σ of another's. The layout stays the content's; the
/// brightness and contrast — the "style" — become the style image's.
public enum AdaINLesson {
    public static let lesson = Lesson(
        id: "adain", number: 17, section: "Aktueller Forschungsstand / Adaptive Normalisierung",
        title: Localized(en: "AdaIN: statistics are style", de: "AdaIN: Statistik ist Stil"),
        summary: Localized(
            en: "a content image's feature maps get a style image's per-channel μ and σ: same layout, new contrast and brightness",
            de: "die Feature-Maps eines Inhaltsbildes bekommen μ und σ pro Kanal eines Stilbildes: gleiche Anordnung, neuer Kontrast und neue Helligkeit"),
        pages: [
            LessonPage(
                title: Localized(en: "Swap the statistics", de: "Statistik tauschen"),
                text: Localized(
                    en: """
                    Adaptive instance normalization: AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s), per channel.

                    Instance norm removes the content's own μ and σ; the style's take the place of β and γ. The parameters of the normalization are no longer learned constants but come from another input — the glossary's "dynamische Anpassung der Normalisierungsparameter".

                    Top: the two input images. Below: one channel of the first conv block's feature maps for content, style and the AdaIN result, on one grey scale, so that brightness and contrast compare. There the content's map can look flat; the g key gives each map its own scale, where its layout shows. The panel's title says which scale is drawn.
                    """,
                    de: """
                    Adaptive Instance Normalization: AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s), pro Kanal.

                    Instance Normalization entfernt μ und σ des Inhalts; die des Stils treten an die Stelle von β und γ. Die Normalisierungsparameter sind keine gelernten Konstanten mehr, sondern kommen aus einer anderen Eingabe — die „dynamische Anpassung der Normalisierungsparameter“ des Glossars.

                    Oben siehst du die beiden Eingabebilder, darunter einen Kanal der Feature-Maps des ersten Faltungsblocks für Inhalt, Stil und das AdaIN-Ergebnis, auf einer gemeinsamen Grauskala, damit sich Helligkeit und Kontrast vergleichen lassen. Dort kann die Map des Inhalts flach aussehen; die Taste g gibt jeder Map ihre eigene Skala, auf der ihre Anordnung sichtbar wird. Der Titel des Feldes sagt, welche Skala gezeichnet ist.
                    """)),
            LessonPage(
                title: Localized(en: "What to look for", de: "Worauf achten"),
                text: Localized(
                    en: """
                    • The AdaIN map has the content's shape: its correlation with the content map is 1 (above 0.999 in every channel) — AdaIN is a positive affine map per channel.
                    • Its brightness and contrast are the style's: μ and σ of every channel equal the style's, within 1% of the style's σ (the ε under the root makes σ a little smaller). The line under each map shows them for the channel drawn, the table on a wide screen for all.
                    • The style's layout is not copied: its correlation with the style map (r style) is the content map's own, within 0.001 in every channel — only what the two shapes already share.

                    c picks the channel, i the next style image, x swaps content and style. Space trains the network on; the features change, the three statements still hold at step 300.
                    """,
                    de: """
                    • Die AdaIN-Map hat die Form des Inhalts: Ihre Korrelation mit der Map des Inhalts ist 1 (über 0,999 in jedem Kanal) — AdaIN ist pro Kanal eine positive affine Abbildung.
                    • Helligkeit und Kontrast sind die des Stils: μ und σ jedes Kanals gleichen denen des Stils, bis auf 1 % des σ des Stils (das ε unter der Wurzel macht σ ein wenig kleiner). Die Zeile unter jeder Map zeigt sie für den gezeichneten Kanal, die Tabelle auf einem breiten Bildschirm für alle.
                    • Die Anordnung des Stils wird nicht kopiert: Die Korrelation der AdaIN-Map mit der Map des Stils (r Stil) ist die der Map des Inhalts, bis auf 0,001 in jedem Kanal — nur das, was beide Formen ohnehin gemeinsam haben.

                    c wählt den Kanal, i das nächste Stilbild, x tauscht Inhalt und Stil. Die Leertaste trainiert das Netz weiter; die Features ändern sich, aber die drei Aussagen gelten auch bei Schritt 300.
                    """)),
            LessonPage(
                title: Localized(en: "Why style is statistics", de: "Warum Stil Statistik ist"),
                text: Localized(
                    en: """
                    Instance norm is used in style transfer because the per-channel mean and variance of feature maps carry much of an image's style (contrast, brightness, texture strength) and little of its content (Ulyanov et al. 2016; Huang & Belongie 2017).

                    A decoder trained to invert these features turns the AdaIN features into a stylized image in one pass (Huang & Belongie 2017).

                    Conditional normalization for controlled generation sets the statistics from outside: conditional batch norm (de Vries et al. 2017) and conditional instance norm (Dumoulin et al. 2017) normalize and then apply a γ and β that depend on a condition — a question, a class or a style; AdaIN takes them from a style image, StyleGAN from a latent code, SPADE from a segmentation map. FiLM (Perez et al. 2018) generalizes the affine part: a feature-wise γ·x + β computed from any input, without normalizing.
                    """,
                    de: """
                    Instance Normalization wird im Stil-Transfer verwendet, weil Mittelwert und Varianz der Feature-Maps pro Kanal viel vom Stil eines Bildes (Kontrast, Helligkeit, Texturstärke) und wenig von seinem Inhalt tragen (Ulyanov et al. 2016; Huang & Belongie 2017).

                    Ein Decoder, der diese Features umkehrt, macht aus den AdaIN-Features in einem Durchgang ein stilisiertes Bild (Huang & Belongie 2017).

                    Conditional Normalization für kontrollierte Generierung setzt die Statistik von außen: Conditional Batch Norm (de Vries et al. 2017) und Conditional Instance Norm (Dumoulin et al. 2017) normalisieren und wenden dann ein γ und β an, die von einer Bedingung abhängen — einer Frage, einer Klasse oder einem Stil; AdaIN nimmt sie aus einem Stilbild, StyleGAN aus einem latenten Code, SPADE aus einer Segmentierungskarte. FiLM (Perez et al. 2018) verallgemeinert den affinen Teil: ein merkmalsweises γ·x + β, berechnet aus einer beliebigen Eingabe, ohne zu normalisieren.
                    """)),
        ],
        claims: claims,
        makeEngine: { AdaINEngine(seeds: $0) })

    /// The step the statements are judged again at, after training.
    static let trainedStep = 300

    /// Page 2's three statements, on the network at its start (step 1) and after training.
    static let claims: [Claim] = [1, trainedStep].flatMap { step in
        let after = step == 1
            ? Localized(en: "", de: "")
            : Localized(en: " (after \(step) training steps)", de: " (nach \(step) Trainingsschritten)")
        return [
            Claim.on(AdaINEngine.self, id: "adain-keeps-content-layout" + (step == 1 ? "" : "-trained"),
                text: Localized(
                    en: "The AdaIN map has the content's shape: its correlation with the content map is above 0.999 in every channel\(after.en).",
                    de: "Die AdaIN-Map hat die Form des Inhalts: Ihre Korrelation mit der Map des Inhalts ist in jedem Kanal über 0,999\(after.de)."),
                step: step
            ) { engine, seed in
                let r = engine.smallestContentCorrelation(seed: seed)
                return Verdict(holds: r > 0.999, measured: Localized(
                    en: "smallest r with the content: \(MeasuredNumber.fixed(r, decimals: 6))",
                    de: "kleinstes r mit dem Inhalt: \(MeasuredNumber.fixed(r, decimals: 6, .de))"))
            },
            Claim.on(AdaINEngine.self, id: "adain-takes-style-statistics" + (step == 1 ? "" : "-trained"),
                text: Localized(
                    en: "μ and σ of every AdaIN channel equal the style's, within 1% of the style's σ\(after.en).",
                    de: "μ und σ jedes AdaIN-Kanals gleichen denen des Stils, bis auf 1 % des σ des Stils\(after.de)."),
                step: step
            ) { engine, seed in
                let gap = engine.largestStatisticsGap(seed: seed)
                return Verdict(holds: gap < 0.01, measured: Localized(
                    en: "largest gap: \(MeasuredNumber.short(gap * 100))% of the style's σ",
                    de: "größte Abweichung: \(MeasuredNumber.short(gap * 100, .de)) % des σ des Stils"))
            },
            Claim.on(AdaINEngine.self, id: "adain-does-not-copy-style-layout" + (step == 1 ? "" : "-trained"),
                text: Localized(
                    en: "The style's layout is not copied: the AdaIN map's correlation with the style map is the content map's own, within 0.001 in every channel\(after.en).",
                    de: "Die Anordnung des Stils wird nicht kopiert: Die Korrelation der AdaIN-Map mit der Map des Stils ist die der Map des Inhalts, bis auf 0,001 in jedem Kanal\(after.de)."),
                step: step
            ) { engine, seed in
                let gain = engine.largestStyleCorrelationGain(seed: seed)
                let shared = engine.transfers[seed].channels.map { abs($0.contentCorrelationWithStyle) }.max() ?? .nan
                return Verdict(holds: gain < 1e-3, measured: Localized(
                    en: "largest gap: \(MeasuredNumber.short(gain)); content and style share up to |r| = \(MeasuredNumber.short(shared))",
                    de: "größte Abweichung: \(MeasuredNumber.short(gain, .de)); Inhalt und Stil teilen bis zu |r| = \(MeasuredNumber.short(shared, .de))"))
            },
        ]
    }
}
