"""Word material for the synthetic reports: archives, languages, sentences, bracket contents.

Kept apart from the generator's logic so that either can be read on its own. Sentence templates
use these slots (filled by `benchmarks.synthetic`):

- `{P}` a person (register or invented), perhaps with `[Role]` before it or a variant spelling
  in brackets after it; `{PL}` a place and `{O}` an organisation from the registers;
- `{T}` an English phrase, perhaps followed by the original-language term (`[Kor. Juche]`);
- `{C:a|b}` an optional clarification the translator added (` [a]`); `{G}` an optional gap;
- `{F}` an optional footnote reference; `{Y}` a year, `{N}` a small number, `{DATE}` a date.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """An original language: who wrote in it, where it is kept, and its terms."""

    name: str
    abbreviation: str  # the translator's prefix before an original term: "Kor."
    sender: str  # embassy title, {country} is the host country
    ministry: str
    archive: str
    archive_abbr: str
    signatures: tuple[str, ...]  # archival references, {year} and {n} filled in
    terms: tuple[tuple[str, str], ...]  # (English phrase, original term)
    translators: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]


LANGUAGES: tuple[Language, ...] = (
    Language(
        "Hungarian", "Hun.", "Embassy of Hungary in {country}", "Hungarian Foreign Ministry",
        "National Archives of Hungary", "MOL",
        ("XIX-J-1-j Korea, {year}, 73. doboz, IV-100, 00{n}/{year}",
         "XIX-J-1-j China, {year}, 12. doboz, 5/b, 00{n}/{year}",
         "XIX-J-1-k Mongolia, {year}, 4. doboz, 001-{n}/{year}"),
        (("people's democracy", "népi demokrácia"), ("consolidation", "konszolidáció"),
         ("the workers' militia", "munkásőrség"), ("the central committee", "központi bizottság")),
        ("Balázs Szalontai", "Sergey Radchenko", "Kinga Szabó"),
        ("József", "Ferenc", "László", "Imre", "Károly", "Sándor"),
        ("Kovács", "Kádas", "Nagy", "Szabó", "Horváth", "Tóth")),
    Language(
        "Russian", "Rus.", "Soviet Embassy in {country}", "Soviet Foreign Ministry",
        "Archive of Foreign Policy of the Russian Federation", "AVPRF",
        ("fond 0102, opis {n}, papka 105, delo 32, listy 1-15",
         "fond 5, opis 49, delo {n}, listy 2-9"),
        (("friendship", "druzhba"), ("heads of departments", "zaveduyushchie otdelami"),
         ("the collective farms", "kolkhozy"), ("the Presidium", "Президиум"),
         ("peaceful coexistence", "mirnoe sosushchestvovanie")),
        ("Gary Goldberg", "Sergey Radchenko", "Svetlana Savranskaya"),
        ("Vasily", "Nikolai", "Pyotr", "Ivan", "Aleksandr"),
        ("Puzanov", "Sudarikov", "Ivanenko", "Zaitsev", "Petrov")),
    Language(
        "Chinese", "Chin.", "Embassy of the People's Republic of China in {country}",
        "Chinese Foreign Ministry", "PRC Foreign Ministry Archive", "PRCFMA",
        ("106-00{n}-02, 1-12", "204-00{n}-03, 31-40"),
        (("the Great Leap Forward", "da yuejin"), ("people's communes", "renmin gongshe"),
         ("revisionism", "xiuzhengzhuyi"), ("self-reliance", "自力更生")),
        ("Charles Kraus", "David Cowhig", "Stephen Mercado"),
        ("Wang", "Li", "Zhang", "Liu", "Chen"),
        ("Ping", "Qiang", "Wei", "Jun", "Ming")),
    Language(
        "Korean", "Kor.", "Embassy of the DPRK in {country}", "DPRK Ministry of Foreign Affairs",
        "Diplomatic Archives of the Republic of Korea", "DAROK",
        ("Roll D-00{n}, File 03, Frames 22-25", "Roll G-00{n}, File 11, Frames 101-109"),
        (("self-reliance", "Juche"), ("the Flying Horse movement", "Chollima"),
         ("regeneration through one's own efforts", "Jaryeok Gaengsaeng"),
         ("self-reliance", "자력갱생"), ("the Taean work system", "Taean saop chegye")),
        ("Jae-Kyung Park", "Charles Kraus", "Colin Jung"),
        ("Pak", "Ri", "Choe", "Kang", "Han"),
        ("Song-chol", "Ju-yon", "Chang-bok", "Yong-gon", "Hyon-jun")),
    Language(
        "German", "Ger.", "Embassy of the GDR in {country}", "GDR Foreign Ministry",
        "Political Archive of the Federal Foreign Office", "PA AA",
        ("MfAA, C 10{n}/70", "MfAA, A 70{n}, Bl. 1-12"),
        (("the policy toward the East", "Ostpolitik"), ("the State Council", "Staatsrat"),
         ("the border regime", "Grenzregime")),
        ("Bernd Schaefer", "Grace Leonard", "Christian Ostermann"),
        ("Werner", "Hans", "Kurt", "Erich", "Günter"),
        ("Schneider", "Müller", "Fischer", "Weber", "Krüger")),
    Language(
        "Polish", "Pol.", "Polish Embassy in {country}", "Polish Foreign Ministry",
        "Archive of the Polish Foreign Ministry", "AMSZ",
        ("Dep. II, Z-23, W-{n}, t-581", "Dep. V, Z-10, W-{n}"),
        (("the parliament", "Sejm"), ("the People's Republic of Poland", "Polska Rzeczpospolita Ludowa")),
        ("Jakub Tyszkiewicz", "Margaret Gnoinska"),
        ("Jerzy", "Henryk", "Tadeusz", "Stanisław"),
        ("Kowalski", "Nowak", "Wiśniewski", "Zieliński")),
    Language(
        "Czech", "Cz.", "Czechoslovak Embassy in {country}", "Czechoslovak Foreign Ministry",
        "Archive of the Czech Ministry of Foreign Affairs", "AMZV",
        ("TO-T 1960-1964, Korea, box {n}", "Teritoriální odbory, KLDR, box {n}"),
        (("the National Assembly", "Národní shromáždění"), ("normalization", "normalizace")),
        ("Adolf Kotlik", "Jiří Kovář"),
        ("Jaroslav", "Miroslav", "Václav"),
        ("Novák", "Dvořák", "Svoboda")),
    Language(
        "Bulgarian", "Bulg.", "Bulgarian Embassy in {country}", "Bulgarian Foreign Ministry",
        "Central State Archive of Bulgaria", "TsDA",
        ("Fond 1-B, Opis 64, a.e. {n}", "Fond 1477, Opis 28, a.e. {n}"),
        (("the Politburo", "Politbyuro"), ("the agro-industrial complexes", "agrarno-promishleni kompleksi")),
        ("Kalina Bratanova", "Jordan Baev"),
        ("Todor", "Georgi", "Dimitar"),
        ("Petkov", "Ivanov", "Georgiev")),
    Language(
        "Mongolian", "Mong.", "Mongolian Embassy in {country}", "Mongolian Foreign Ministry",
        "Archive of the Mongolian Foreign Ministry", "AMFA",
        ("Fond 2, Dans 1, Kh/N {n}", "Fond 3, Dans 2, Kh/N {n}"),
        (("the Great Khural", "Ikh Khural"), ("the herders' cooperatives", "negdel")),
        ("Sergey Radchenko", "Mendee Jargalsaikhan"),
        ("Dashiin", "Tsedenbal", "Bat-Ochir"),
        ("Dorj", "Baatar", "Ochir")),
)

COUNTRIES = ("North Korea", "China", "the Soviet Union", "Vietnam", "Mongolia", "Hungary")
CAPITALS = ("Pyongyang", "Moscow", "Beijing", "Hanoi", "Ulaanbaatar", "Budapest", "Warsaw",
            "Prague", "Sofia", "Berlin")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

SPONSORS = ("CWIHP", "NKIDP", "the Cold War International History Project",
            "the North Korea International Documentation Project")
FUNDERS = ("Leon Levy Foundation", "the MacArthur Foundation", "Korea Foundation",
           "Carnegie Corporation of New York", "the Henry Luce Foundation")
URL_BASES = ("https://wilson-center.drivingcreative.com/document/",
             "https://digitalarchive.wilsoncenter.org/document/")

TITLES = (
    "Report, {sender} to the {ministry}",
    "Telegram from the {sender} to the {ministry}",
    "Memorandum of Conversation between {P} and {P}",
    "Record of a Conversation with {P}",
    "Information from the {sender} on the Visit of the {O} Delegation",
)

SUMMARIES = (
    "The {sender} reports on information obtained through {P}.",
    "The report summarizes negotiations between {P} and a delegation of the {O}.",
    "Topics of discussion included {T}, relations with {PL}, and the situation in {PL}.",
    "{P} describes the position of the {O} on the dispute with {PL}.",
    "The document notes the growing tension between the {O} and the {O}.",
    "The ambassador also discusses the economic difficulties of {PL} and the aid it receives.",
)

SENTENCES = (
    "In mid-{MONTH} {P} returned from {PL}, and{G} told me the following about the "
    "negotiations which had taken place between {P} and the delegation of the {O}:",
    "In the presence of {P}, {P}, the head of the delegation, raised the issue of certain "
    "injuries (pretensions), which were the following:",
    "These huge armed forces constituted enormous expenses for the national economy of {PL}, "
    "and this is why neither industry nor agriculture had made headway in the last two years, "
    "they{C:the KWP leaders|the Korean leaders} could not invest substantial sums in "
    "these{C:sectors|branches}.",
    "{P} asked him what caused this distrust.",
    "In the view of {P}, {PL} had been let down at the time of the crisis, and later the "
    "Vietnamese were{C:allegedly} betrayed as well.",
    "For instance, it happened as late as {N} days after the{C:Tonkin|border} provocation that the "
    "government of {PL} made a mild statement.",
    "Thereupon {P} replied the following: it was incomprehensible to him how the leaders of the "
    "{O} could be so uninformed.",
    "He set forth in detail what sort of and how many aircraft, tanks, etc. had been shipped to "
    "{PL} as aid.",
    "The government had assumed the military forces of {PL} to be strong enough, for "
    "these{C:countries} were closer to {PL} than the Soviet Union.",
    "As a consequence of this decision, various military equipment of an adequate quantity was "
    "launched for {PL}{G}.",
    "{P} also found injurious that in {Y} the leaders of the {O} had organized a conspiracy "
    "against the leaders of the {O}, and it was {P}, the ambassador of that time, who organized "
    "this action against them{C:the KWP leaders|the Korean leaders}.",
    "{P} repudiated this charge,{C:declaring that} it was groundless and did not correspond to "
    "the facts.",
    "The leaders of the {O} propagated the{C:idea of} {T}, which was, in his view, a right "
    "standpoint.",
    "Officially the government never accused the leaders of the {O} of nationalism, {P} said, "
    "otherwise they knew him (the chairman) well, he had been to {PL} two times.",
    "True, it did occur that the {O} had published such stuff, but now he was negotiating with "
    "the delegation of {PL} as the head of the government.",
    "The policy of {T}, which was in practice aimed at isolation from {PL} and the {O}, by no "
    "means accelerated the development of the national economy.",
    "We made no secret of that there were still some problems in the {O}, which had to be "
    "solved, and we would solve them.",
    "{P}, a member of the delegation, stated that the conversation they had had with him was a "
    "load off the minds of the leaders.",
    "During the conversation the ambassador asked {P} what he thought of the{C:probable} "
    "development of relations between {PL} and {PL} in {Y}{G}.",
    "He wanted to get a reply from the leaders of the {O} to{C:the following question:} what "
    "was the cause of that, how could one explain these disagreements?",
    "{P} promised that he would forward that question to his party, then repeatedly insisted on "
    "getting a reply to his own question.",
    "One could restore the unity of the international Communist movement only by settling the "
    "matters in dispute with the {O}.",
    "Although {PL} was a small power, they knew it better than others which political line they "
    "should adopt{C:in their view}.",
    "{P} repeatedly emphasized that the matters in dispute should be settled first with the "
    "leaders of the {O},{C:then} it would be easy to settle them.",
    "According to {P}, the delegation of the {O} arrived in {PL} on {DATE} and was received by "
    "{P} on the following day.",
    "The {O} regards {T} as a question of principle, and the leaders of {PL} will not make "
    "concessions on it.",
    "{P} informed me that the trade agreement for {Y} had been signed in {PL} after long "
    "negotiations{G}.",
    "The embassy learned from {P} that the shipments of grain, fertilizer and machinery to {PL} "
    "were delayed by several weeks.",
    "In the course of the talks the representatives of the {O} repeatedly referred to {T}.",
    "{P} remarked that the situation in {PL} was grave, and that the leadership had no clear "
    "conception of how to proceed.",
    "I asked him whether the {O} would send a delegation to the congress, to which he replied "
    "that no decision had been taken yet.",
    "The Soviet comrades consider the attitude of {P} to be the result of pressure from {PL}.",
    "At the reception given on the occasion of the national holiday, {P} spoke with me at "
    "length about {T}.",
    "The ambassador of {PL} told me in confidence that the relations between the {O} and the {O} "
    "had become noticeably cooler since {Y}.",
    "In his opinion, the present economic difficulties are due to {T} and to the lack of "
    "qualified experts.",
    "The newspapers of {PL} did not publish the statement of the {O}, which is a clear sign of "
    "their disapproval.",
    "It is worth noting that {P} did not attend the meeting, although he had been "
    "invited{C:by the Foreign Ministry|to it}.",
    "{P} said that they expect the support of the fraternal parties, first of all of the {O}.",
    "The negotiations lasted {N} days and ended with the signing of a joint communiqué, which the "
    "government received with satisfaction.",
    "I consider it necessary to inform the Foreign Ministry that the position of {PL} in this "
    "matter is likely to change in the near future.",
    "The Central Committee of the {O} discussed the question in {MONTH}, but, as far as we know, "
    "it reached no decision.",
)

# Slot contents with no term of their own: what {T} says when no original term follows.
PHRASES = ("the national liberation struggle", "the question of economic aid",
           "the border question", "the unity of the socialist camp", "the situation in Asia")

# Words the translator marks with [sic]: (correct, as misspelled in the source).
MISSPELLINGS = (("government", "goverment"), ("received", "recieved"),
                ("negotiations", "negociations"), ("occasion", "occassion"),
                ("necessary", "neccessary"), ("their", "thier"))

# Abbreviations the translator expands inside the words: phrase -> expanded form.
EXPANSIONS = (("Foreign Ministry", "F[oreign] M[inistry]"),
              ("Central Committee", "C[entral] C[ommittee]"),
              ("government", "gov[ernmen]t"),
              ("ambassador", "amb[assador]"))

GAPS = ("[...]", "[...]", "[…]", "[….]", "[. . .]")
ILLEGIBLE = ("[illegible]", "[one word illegible]", "[two words illegible]", "[illegible word]")
SOURCE_NOTES = ("[emphasis in the original]", "[underlined in the original]",
                "[handwritten in the left margin: \"Agreed\"]",
                "[handwritten in the margin: \"To be discussed\"]",
                "[handwritten: \"[illegible] important\"]",
                "[Translator's note: the original has a word play here]",
                "[crossed out in the original]")
ROLES = ("Soviet Ambassador", "Chairman of the Presidium of the Supreme Soviet",
         "Marshal of the People's Liberation Army", "Deputy Foreign Minister",
         "First Secretary of the Embassy", "Chinese Chargé d'Affaires",
         "Head of the International Department", "Minister of Foreign Trade", "Vice Premier")
SIGNATURE_ROLES = ("(ambassador)", "(chargé d'affaires)", "(first secretary)", "ambassador",
                   "(counsellor)")
HEADINGS = ("STRICTLY CONFIDENTIAL!", "TOP SECRET", "CONFIDENTIAL", "STRICTLY SECRET!")
RESIDUE = ("I", "II", "2", "- 3 -", "4.")

FOOTNOTES = (
    "The original reads \"{word}\".",
    "Refers to the talks held in {PL} in {MONTH} {Y}.",
    "See the report of {DATE} on the same subject.",
    "{P} was at that time a member of the leadership of the {O}.",
    "The reading of the date is uncertain [probably {Y}].",
    "The list referred to was not found among the documents of the embassy.",
)
FOOTNOTE_WORDS = ("sérelmek", "pretenzii", "yijian", "bulman", "Beschwerden")

# -- the layouts of real exports (issue #10): used only when a report is given a `layout` ------
# An office line, then a run of spaces and the place-and-date line: "Head of Section 4    Berlin, ..."
OFFICES = ("Head of Section 4", "Far Eastern Department", "Fifth Territorial Department",
           "Office of the Deputy Minister", "Embassy of the Hungarian People's Republic",
           "Second European Department", "Consular Department")
MEMO_TITLES = ("M e m o r a n d u m", "M E M O R A N D U M", "MEMORANDUM", "RECORD OF CONVERSATION",
               "NOTE", "I n f o r m a t i o n")
MEMO_SUBJECTS = ("the visit of the trade delegation", "the transit fees", "the exchange of students",
                 "the session of the joint commission", "the deliveries of machine tools")
MARKS = ("TOP SECRET", "SECRET", "STRICTLY CONFIDENTIAL", "CONFIDENTIAL", "STRICTLY SECRET")
# Numbered section headings: a line of their own, followed by paragraphs.
SECTION_TITLES = ("The border question", "Economic relations", "Cultural exchange",
                  "Political situation", "Party relations", "Questions of trade",
                  "The international situation", "Consular matters")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
COPIES = ("Two", "Three", "Four", "Five")
# Invented recipients of a distribution list: "1 - Cde. G. Stanchev".
RECIPIENTS = ("G. Stanchev", "D. Ilchev", "P. Velinov", "R. Vasileva", "K. Brenner", "L. Tasev",
              "O. Mrazek", "A. Belov")
OFFICE_RECIPIENTS = ("Third European Department", "Far Eastern Department", "the Embassy in Moscow")
SIGNER_ROLES = ("COUNSELLOR OF THE MINISTRY", "HEAD OF DEPARTMENT", "AMBASSADOR", "FIRST SECRETARY",
                "Head of Department", "Ambassador", "Counsellor of the Embassy", "Second Secretary")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# The brackets of real exports the sample does not have (a layout's `brackets`, `unbalanced`).
UNCERTAIN_NAMES = ("V. K. Sorin", "P. Jovanic", "N. N. Orlov", "Kim Tae-sok")
UNCERTAIN_WORDS = ("Moreni", "Ostrava", "Hamhung", "Baotou")
AGENCIES = (("CSTR", "Central Statistical and Trade Registry"), ("KCNA", "Korean Central News Agency"),
            ("ZTO", "Foreign Trade Organisation"), ("LCY", "League of Communists of Yugoslavia"))
REDACTIONS = ("[first two lines redacted]", "[one page redacted]", "[redacted]",
              "[three lines redacted]")
STAMPS = ("[MFA stamp: Incoming Nº {n}, {date}]", "[stamp: \"Secret Department, received {date}\"]",
          "[Registry stamp: Nº {n}]")
UNBALANCED = (" The delegation (twelve persons] arrived later.",
              " The embassy considers the result satisfactory [in view of the dates.",
              "[handwritten in the margin: \"see point 3 [of the plan\"]")
