import type { ArticleLang } from '../../../common/schemas/competence.ts';

/**
 * The knowledge base's first articles, written for Navet from the guide
 * ("Återvändande ensamkommande – Samverkan för barnets bästa") and its digest.
 * They explain; they give no legal advice and name no paragraph numbers (the
 * Social Services Act was replaced in 2025). Each exists in Swedish and English,
 * tied by its slug.
 */
export interface StarterArticle {
  slug: string;
  lang: ArticleLang;
  title: string;
  body: string;
}

export const starterArticles: StarterArticle[] = [
  {
    slug: 'roles',
    lang: 'sv',
    title: 'Rollerna runt barnet',
    body: `Runt ett ensamkommande barn finns många vuxna. Barnet ska inte behöva lägga pusslet själv.

## Kärnan: tre personer
- **Socialsekreteraren** utreder barnets behov, ansvarar för placeringen och samordnar insatserna från socialtjänsten. Ett avslag på asylansökan ska nå socialsekreteraren direkt.
- **God man** förordnas av överförmyndaren och träder i vårdnadshavarens ställe. Gode mannen företräder barnet, till exempel i asylärendet och när barnet ger samtycke.
- **Kontaktpersonen** på HVB, eller familjehemsföräldern, finns nära barnet i vardagen och behöver också veta när något viktigt händer, till exempel ett avslag.

## Ofta också
- **Skolan**: mentor och elevhälsa. Skolan deltar sällan i strukturerad samverkan – bjud in den.
- **BUP** (barn- och ungdomspsykiatrin) när barnet behöver psykiatriskt stöd.
- Annan personal på boendet, tolk och civilsamhället.

## Så samverkar navet
- Ett första möte så snart placeringen är beslutad: sätt ansikte på varandra, tala om sekretess och dokumentation, och kom överens om hur ni når varandra.
- Barnet deltar i en del av mötet, så att alla kan tydliggöra vem barnet vänder sig till för vad.
- Kom överens om vad som behöver tas upp med barnet och vem som gör det. Utgå aldrig från att någon annan tar det.`,
  },
  {
    slug: 'roles',
    lang: 'en',
    title: 'The roles around the child',
    body: `Many adults surround an unaccompanied child. The child should not have to put the puzzle together alone.

## The core: three people
- **The social worker** assesses the child's needs, is responsible for the placement and coordinates the social services' measures. An asylum rejection must reach the social worker at once.
- **The god man** (guardian) is appointed by the chief guardian (överförmyndaren) and acts in the custodian's place, for example in the asylum case and when the child gives consent.
- **The contact person** at the residential home (HVB), or the foster parent, is close to the child every day and also needs to know when something important happens, such as a rejection.

## Often also
- **The school**: the mentor and school health services. Schools rarely take part in structured collaboration – invite them.
- **BUP** (child and adolescent psychiatry) when the child needs psychiatric support.
- Other staff at the home, interpreters and civil society.

## How the hub works
- A first meeting as soon as the placement is decided: put a face on each other, talk about secrecy and documentation, and agree how you reach each other.
- The child joins part of the meeting, so that everyone can make clear whom the child turns to for what.
- Agree what needs to be raised with the child and who does it. Never assume that someone else will.`,
  },
  {
    slug: 'secrecy',
    lang: 'sv',
    title: 'Sekretess i varje sektor – och vad samtycke ändrar',
    body: `Sekretess används ibland som skäl att inte samverka, oftast av okunskap om vad lagen tillåter.

## Varje sektor har sin egen sekretess
- **Socialtjänsten** (offentlighets- och sekretesslagen, OSL, 26 kap.).
- **Hälso- och sjukvården**, även elevhälsans medicinska del (OSL 25 kap.).
- **Skolan** (OSL 23 kap.).
- **Överförmyndaren** (OSL 32 kap.).

Det finns ingen självklar delning mellan skola och socialtjänst.

## Samtycke häver sekretessen, helt eller delvis
- Ett samtycke är aldrig allmänt: det anger vilka organisationer som får dela vilka sorters uppgifter, för vilket syfte och hur länge.
- Det kan vara muntligt (då antecknas vem som tog emot det) eller skriftligt.
- Det kan återkallas när som helst.
- För barnet står gode mannen i vårdnadshavarens ställe. Barnet informeras och tillfrågas, och ett moget barn bestämmer mer.

## Delning utan samtycke
Viss delning har stöd i lag utan samtycke, till exempel mellan socialtjänst och hälso- och sjukvård för barnets nödvändiga vård, och anmälningsplikten vid oro för ett barn. Den grund som används ska antecknas med delningen.

I Navet: sidan **Får jag dela det här?** svarar utifrån barnets samtycken och registrerade grunder.`,
  },
  {
    slug: 'secrecy',
    lang: 'en',
    title: 'Secrecy in each sector – and what consent changes',
    body: `Secrecy is sometimes used as a reason not to collaborate, mostly from not knowing what the law allows.

## Each sector has its own secrecy
- **Social services** (Public Access to Information and Secrecy Act, OSL, chapter 26).
- **Health care**, including the medical part of school health services (OSL chapter 25).
- **School** (OSL chapter 23).
- **The chief guardian** (överförmyndaren, OSL chapter 32).

There is no default sharing between school and social services.

## Consent lifts secrecy, fully or partly
- Consent is never general: it names which organisations may share which kinds of information, for which purpose and for how long.
- It can be oral (then it is recorded who received it) or written.
- It can be withdrawn at any time.
- For the child, the god man stands in the custodian's place. The child is informed and asked, and a mature child decides more.

## Sharing without consent
Some sharing has a legal basis without consent, for example between social services and health care for the child's necessary care, and the duty to report concern for a child. The basis used must be recorded with the share.

In Navet: the page **May I share this?** answers from the child's consents and recorded bases.`,
  },
  {
    slug: 'sip',
    lang: 'sv',
    title: 'SIP och I-SIP',
    body: `## SIP – samordnad individuell plan
Kommun och region ska upprätta en SIP när en person behöver insatser från båda, om någon av dem bedömer att det behövs och personen samtycker. Arbetet ska påbörjas utan dröjsmål, och planen görs tillsammans med personen när det går.

Planen ska ange:
1. vilka insatser som behövs,
2. vilka insatser respektive huvudman (kommun, region) ansvarar för,
3. vilka insatser som görs av någon annan än kommunen eller regionen,
4. vilken huvudman som har det övergripande ansvaret för planen.

I praktiken också: vem som tar initiativ och leder mötet, mätbara mål (även barnets egna), när och av vem planen följs upp. Planen ändras inte utan personens godkännande, och personen kan avsluta den.

**Gången:** identifiera behovet → förbered (kontrollera samtycke) → kalla och bjud in → SIP-möte → följ upp → avsluta.

## I-SIP – intern SIP
Strömsund använder samma struktur internt, utan hälso- och sjukvården: en I-SIP för varje barn som fått avslag. Skola och boende kan delta enligt lokal överenskommelse.`,
  },
  {
    slug: 'sip',
    lang: 'en',
    title: 'SIP and I-SIP',
    body: `## SIP – coordinated individual plan
The municipality and the region draw up a SIP when a person needs measures from both, if one of them judges it needed and the person consents. Work starts without delay, and the plan is made together with the person where possible.

The plan must state:
1. which measures are needed,
2. which measures each principal (municipality, region) is responsible for,
3. which measures are taken by someone other than the municipality or region,
4. which principal has overall responsibility for the plan.

Practice adds: who initiates and chairs the meeting, measurable goals (the child's own too), when and by whom the plan is followed up. The plan is not changed without the person's approval, and the person can end it.

**The steps:** identify the need → prepare (check consent) → invite → SIP meeting → follow up → close.

## I-SIP – internal SIP
Strömsund uses the same structure internally, without health care: an I-SIP for every child with a rejection. School and housing may take part under a local agreement.`,
  },
  {
    slug: 'asylum-path',
    lang: 'sv',
    title: 'Asylprocessen och dess tidsfrister',
    body: `Ankomst → kommun anvisas → god man förordnas → placering → asylutredning (ibland åldersbedömning, som kräver skriftligt samtycke av barnet och gode mannen) → beslut.

## Vid avslag
- **Överklagande** inom 3 veckor.
- Beslutet **vinner laga kraft** ungefär 3 veckor efter delgivningen, eller direkt om barnet godtar beslutet.
- **Frivillig avresa** brukar ske 2–4 veckor efter att beslutet vunnit laga kraft.
- **Återvändandesamtal** med Migrationsverket.
- Om barnet inte reser eller avviker kan polisen verkställa beslutet.

## Vid 18 år
Gode mannens uppdrag upphör automatiskt och Migrationsverket tar över ansvaret för boendet. Planera i god tid.

## Därför spelar datum roll
Ett avslag ska nå socialsekreteraren genast, och kontaktpersonen behöver också veta. Navet registrerar händelsen och visar fristerna för navet runt barnet.`,
  },
  {
    slug: 'asylum-path',
    lang: 'en',
    title: 'The asylum path and its deadlines',
    body: `Arrival → municipality assigned → god man appointed → placement → asylum investigation (sometimes an age assessment, which needs the written consent of the child and the god man) → decision.

## On rejection
- **Appeal** within 3 weeks.
- The decision becomes **final** (laga kraft) about 3 weeks after notice, or at once if the child accepts it.
- **Voluntary departure** usually 2–4 weeks after the decision is final.
- **Return talks** with the Migration Agency (Migrationsverket).
- If the child does not leave or absconds, the police may enforce the decision.

## At 18
The god man's task ends automatically and the Migration Agency takes over housing. Plan well ahead.

## Why dates matter
A rejection must reach the social worker at once, and the contact person needs to know too. Navet records the event and shows the deadlines to the hub around the child.`,
  },
  {
    slug: 'levels',
    lang: 'sv',
    title: 'Samverkans tre nivåer',
    body: `| nivå | vilka | vad de tar fram |
|---|---|---|
| Övergripande nivå | ledande tjänstepersoner i kommunens förvaltningar, regionen, Migrationsverket | överenskommelser och samverkansdokument, behovskartläggning, hinder att undanröja, utvärdering |
| Verksamhetsnivå | chefer inom socialtjänst (IFO), HVB och familjehem, skola, överförmyndare, hälso- och sjukvård | ett forum: frågor, rutiner och riktlinjer, beslut, återkoppling till personalen |
| Individnivå | navet runt ett barn, och barnet | en gemensam bild av barnets behov, en plan, tydliga roller, uppföljning |

- Den **övergripande nivån** ger de andra nivåerna legitimitet: den skriver överenskommelserna, kartlägger målgruppens behov, undanröjer hinder och följer upp hur samverkan fungerar.
- **Verksamhetsnivån** är länken. Frågor går upp till den övergripande nivån och ner till naven. Ledamöterna stämmer av med sin personal före mötet och återkopplar efteråt.
- På **individnivån** sker den verkliga samverkan. Den fallerar när de andra nivåerna inte fungerar.`,
  },
  {
    slug: 'levels',
    lang: 'en',
    title: 'The three levels of collaboration',
    body: `| level | who | what they produce |
|---|---|---|
| Strategic (övergripande) | senior officials of municipal departments, the region, the Migration Agency | agreements and the governance document, needs mapping, barriers to remove, evaluation |
| Operational (verksamhetsnivå) | managers of social services (IFO), HVB and foster care, school, chief guardian, health care | a forum: questions, routines and guidelines, decisions, feedback to staff |
| Individual (individnivå) | the hub around one child, and the child | a shared picture of the child's needs, a plan, clear roles, follow-up |

- The **strategic level** legitimises the work of the other two: it writes the agreements, maps the target group's needs, removes barriers and follows how collaboration works.
- The **operational level** is the link. Questions travel up to the strategic level and down to the hubs. Members check with their staff before the meeting and give feedback afterwards.
- The **individual level** is where the real collaboration happens. It fails when the other levels do not work.`,
  },
];
