import Foundation
import NormMath

/// Lesson 13, "Adaptive Normalisierung": AdaIN (Huang & Belongie 2017) gives one image's
/// feature maps the per-channel μ and σ of another's. The layout stays the content's; the
/// brightness and contrast — the "style" — become the style image's.
public enum AdaINLesson {
    public static let lesson = Lesson(
        id: "adain", number: 13, section: "Aktueller Forschungsstand / Adaptive Normalisierung",
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

                    Top: the two input images. Below: one channel of the first conv block's feature maps for content, style and the AdaIN result, all on one grey scale.
                    """,
                    de: """
                    Adaptive Instance Normalization: AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s), pro Kanal.

                    Instance Normalization entfernt μ und σ des Inhalts; die des Stils treten an die Stelle von β und γ. Die Normalisierungsparameter sind keine gelernten Konstanten mehr, sondern kommen aus einer anderen Eingabe — die „dynamische Anpassung der Normalisierungsparameter“ des Glossars.

                    Oben: die beiden Eingabebilder. Darunter: ein Kanal der Feature-Maps des ersten Faltungsblocks für Inhalt, Stil und das AdaIN-Ergebnis, alle auf einer Grauskala.
                    """)),
            LessonPage(
                title: Localized(en: "What to look for", de: "Worauf achten"),
                text: Localized(
                    en: """
                    • The AdaIN map has the content's shape: its correlation with the content map is 1 — AdaIN is a positive affine map per channel.
                    • Its brightness and contrast are the style's: in the table, μ and σ of every channel equal the style's.
                    • Its correlation with the style map is whatever the two shapes share — the style's layout is not copied.

                    c picks the channel, i the next style image, x swaps content and style. Space trains the network on; the features change, the three claims stay.
                    """,
                    de: """
                    • Die AdaIN-Map hat die Form des Inhalts: ihre Korrelation mit der Inhalts-Map ist 1 — AdaIN ist pro Kanal eine positive affine Abbildung.
                    • Helligkeit und Kontrast sind die des Stils: in der Tabelle gleichen μ und σ jedes Kanals denen des Stils.
                    • Die Korrelation mit der Stil-Map ist nur, was beide Formen gemeinsam haben — die Anordnung des Stils wird nicht kopiert.

                    c wählt den Kanal, i das nächste Stilbild, x tauscht Inhalt und Stil. Die Leertaste trainiert das Netz weiter; die Features ändern sich, die drei Aussagen bleiben.
                    """)),
            LessonPage(
                title: Localized(en: "Why style is statistics", de: "Warum Stil Statistik ist"),
                text: Localized(
                    en: """
                    Instance norm is used in style transfer because the per-channel mean and variance of feature maps carry much of an image's style (contrast, brightness, texture strength) and little of its content.

                    A decoder trained to invert these features turns the AdaIN features into a stylized image in one pass (Huang & Belongie 2017). Conditional normalization for controlled generation (StyleGAN, FiLM, SPADE) uses the same idea: the statistics are set from outside.
                    """,
                    de: """
                    Instance Normalization wird im Stil-Transfer verwendet, weil Mittelwert und Varianz der Feature-Maps pro Kanal viel vom Stil eines Bildes (Kontrast, Helligkeit, Texturstärke) und wenig von seinem Inhalt tragen — Erhalt inhaltlicher Informationen bei Entfernung stilistischer Varianz.

                    Ein Decoder, der diese Features umkehrt, macht aus den AdaIN-Features in einem Durchgang ein stilisiertes Bild (Huang & Belongie 2017). Conditional Normalization für kontrollierte Generierung (StyleGAN, FiLM, SPADE) nutzt dieselbe Idee: die Statistik wird von außen gesetzt.
                    """)),
        ],
        makeEngine: { AdaINEngine(seeds: $0) })
}
