/// Lesson 17's kit: what AdaIN keeps of the content and takes from the style, decided by the
/// lesson's three statements at the start (step 1) and after 300 training steps. FiLM does not
/// normalize; conditional batch and instance norm do — the discussion keeps them apart.
enum AdaINKit {
    static let kit = TeachingKit(
        objectives: [
            Localized(
                en: "Compute AdaIN(c, s) for one channel by hand: remove the content's μ and σ, put in the style's.",
                de: "AdaIN(c, s) für einen Kanal von Hand ausrechnen: μ und σ des Inhalts entfernen, die des Stils einsetzen."),
            Localized(
                en: "Explain why the AdaIN map keeps the content's layout (r = 1 with the content) and takes the style's brightness and contrast, but not its layout.",
                de: "Erklären, warum die AdaIN-Map die Anordnung des Inhalts behält (r = 1 mit dem Inhalt) und Helligkeit und Kontrast des Stils übernimmt, aber nicht seine Anordnung."),
            Localized(
                en: "Tell conditional batch and instance norm, which normalize and then apply a γ and β from a condition, apart from FiLM, which only applies γ·x + β.",
                de: "Conditional Batch Norm und Conditional Instance Norm, die normalisieren und dann ein γ und β aus einer Bedingung anwenden, von FiLM unterscheiden, das nur γ·x + β anwendet."),
        ],
        formula: Localized(
            en: """
            Per channel of the first conv block's feature maps (8 channels, 16×16 positions), ε = 10⁻⁵:
            AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s),  σ(x) = √(Var(x) + ε)
            Instance norm with γ = σ(s) and β = μ(s), taken from the style image instead of learned.
            """,
            de: """
            Pro Kanal der Feature-Maps des ersten Faltungsblocks (8 Kanäle, 16×16 Positionen), ε = 10⁻⁵:
            AdaIN(c, s) = σ(s)·(c − μ(c))/σ(c) + μ(s),  σ(x) = √(Var(x) + ε)
            Instance Normalization mit γ = σ(s) und β = μ(s), aus dem Stilbild genommen statt gelernt.
            """),
        questions: [
            PredictQuestion(
                prompt: Localized(
                    en: "AdaIN gives the content's feature map the style's μ and σ, channel by channel. What does the AdaIN map look like?",
                    de: "AdaIN gibt der Feature-Map des Inhalts Kanal für Kanal μ und σ des Stils. Wie sieht die AdaIN-Map aus?"),
                answers: [
                    Localized(
                        en: "the style's layout, with the content's brightness and contrast",
                        de: "die Anordnung des Stils, mit Helligkeit und Kontrast des Inhalts"),
                    Localized(
                        en: "a blend: partly the content's layout, partly the style's",
                        de: "eine Mischung: teils die Anordnung des Inhalts, teils die des Stils"),
                    Localized(
                        en: "the content's layout, with the style's brightness and contrast",
                        de: "die Anordnung des Inhalts, mit Helligkeit und Kontrast des Stils"),
                    Localized(
                        en: "the content's layout and brightness, only the style's contrast",
                        de: "die Anordnung und Helligkeit des Inhalts, nur der Kontrast des Stils"),
                ],
                answer: 2, when: ["adain-keeps-content-layout", "adain-takes-style-statistics", "adain-does-not-copy-style-layout"],
                explanation: Localized(
                    en: "Per channel AdaIN is a positive affine map of the content, a·c + b with a = σ(s)/σ(c) > 0: it keeps every correlation, so the layout is the content's, and μ and σ become the style's (b and a choose exactly that). The style's layout never enters: only its two numbers per channel do.",
                    de: "Pro Kanal ist AdaIN eine positive affine Abbildung des Inhalts, a·c + b mit a = σ(s)/σ(c) > 0: Sie erhält jede Korrelation, die Anordnung bleibt also die des Inhalts, und μ und σ werden die des Stils (genau dafür sind a und b gewählt). Die Anordnung des Stils geht nie ein, nur seine zwei Zahlen pro Kanal.")),
            PredictQuestion(
                prompt: Localized(
                    en: "Space trains the network for 300 steps, and the feature maps change. What about the three statements?",
                    de: "Die Leertaste trainiert das Netz 300 Schritte lang, und die Feature-Maps ändern sich. Was ist mit den drei Aussagen?"),
                answers: [
                    Localized(
                        en: "they still hold: AdaIN is affine per channel, whatever the features",
                        de: "sie gelten weiter: AdaIN ist pro Kanal affin, egal welche Features"),
                    Localized(
                        en: "the trained features carry layout in μ and σ, so some style layout leaks in",
                        de: "die trainierten Features tragen Anordnung in μ und σ, also sickert Stil-Anordnung ein"),
                    Localized(
                        en: "μ and σ drift from the style's: the network has learned its own γ and β",
                        de: "μ und σ weichen von denen des Stils ab: Das Netz hat eigene γ und β gelernt"),
                ],
                answer: 0, when: ["adain-keeps-content-layout-trained", "adain-takes-style-statistics-trained", "adain-does-not-copy-style-layout-trained"],
                explanation: Localized(
                    en: "Nothing in AdaIN is learned: it takes the content's map as it is and sets its μ and σ from the style's map. Training changes the maps, not the rule, so the three statements hold at step 300 as at step 1.",
                    de: "An AdaIN selbst wird nichts gelernt: Es nimmt die Map des Inhalts, wie sie ist, und setzt ihr μ und σ aus der Map des Stils. Das Training ändert die Maps, nicht die Regel, also gelten die drei Aussagen bei Schritt 300 wie bei Schritt 1.")),
        ],
        discussion: [
            Localized(
                en: "Brightness and contrast per channel are two numbers each. Why can they still carry much of an image's style, and what of the style is lost?",
                de: "Helligkeit und Kontrast pro Kanal sind je zwei Zahlen. Warum können sie trotzdem viel vom Stil eines Bildes tragen, und was vom Stil geht verloren?"),
            Localized(
                en: "Conditional batch norm and conditional instance norm normalize and then apply a γ and β from a condition; FiLM applies γ·x + β without normalizing. What would FiLM do to the content's own μ and σ that AdaIN removes?",
                de: "Conditional Batch Norm und Conditional Instance Norm normalisieren und wenden dann ein γ und β aus einer Bedingung an; FiLM wendet γ·x + β an, ohne zu normalisieren. Was würde FiLM mit μ und σ des Inhalts tun, die AdaIN entfernt?"),
            Localized(
                en: "AdaIN with batch statistics instead of per-image ones: would every image in the mini-batch still get the style's μ and σ?",
                de: "AdaIN mit Statistiken über den Mini-Batch statt pro Bild: Bekäme dann noch jedes Bild im Mini-Batch μ und σ des Stils?"),
        ],
        exercise: Exercise(
            task: Localized(
                en: "Press g, then c through all 8 channels. In which channels does the content's map look flat on the shared scale but show its layout on its own scale? Is the AdaIN map's layout the content's in every channel?",
                de: "Drücke g und dann c durch alle 8 Kanäle. In welchen Kanälen sieht die Map des Inhalts auf der gemeinsamen Skala flach aus, zeigt aber auf ihrer eigenen Skala ihre Anordnung? Hat die AdaIN-Map in jedem Kanal die Anordnung des Inhalts?"),
            hint: Localized(
                en: "g toggles between one grey scale for all three maps and one scale per map; the panel's title says which is drawn. The line under each map gives μ and σ.",
                de: "g schaltet zwischen einer Grauskala für alle drei Maps und einer Skala pro Map um; der Titel des Feldes sagt, welche gezeichnet ist. Die Zeile unter jeder Map nennt μ und σ.")))
}
