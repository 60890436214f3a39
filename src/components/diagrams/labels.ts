// The words of every diagram, per language. A diagram shows only what its lesson says; the source each one
// rests on is listed in content/REVIEW.md ("Diagrams"). The type makes both languages carry the same keys,
// and tests/unit/diagrams.test.ts checks that no label is left untranslated.
import type { Locale } from '../../i18n/locales';

/** What every diagram has in both languages: a caption, a one-line name for the image and a long description. */
interface DiagramText {
	/** The figcaption: what the figure shows and on which source it rests. */
	caption: string;
	/** The accessible name of the SVG image. */
	name: string;
	/** The long description in the fold-out under the figure, one string per paragraph or list item. */
	description: string[];
}

type Texts<L extends Record<string, string | string[]>> = Record<Locale, DiagramText & { labels: L }>;

const trajectories: Texts<{
	func: string;
	time: string;
	death: string;
	rapid: string;
	rapidWhen: string;
	intermittent: string;
	intermittentWhen: string;
	gradual: string;
	gradualWhen: string;
}> = {
	nl: {
		caption: 'Drie patronen van achteruitgang (naar Murray e.a., 2007 en 2017). Een patroon voorspelt niet hoe het bij één persoon loopt.',
		name: 'Drie grafieken van lichamelijk functioneren door de tijd: snelle, wisselende en geleidelijke achteruitgang',
		description: [
			'Drie kleine grafieken onder elkaar. In elke grafiek staat de tijd op de horizontale as en het lichamelijk functioneren op de verticale as. Rechts eindigt elke lijn bij het overlijden.',
			'Snelle achteruitgang, vaak bij kanker: de lijn blijft lang vrij hoog en daalt dan in korte tijd steil.',
			'Wisselende achteruitgang, bij chronisch orgaanfalen zoals hartfalen of COPD: de lijn daalt langzaam, met plotse dalingen bij een verslechtering en een gedeeltelijk herstel daarna.',
			'Geleidelijke achteruitgang, bij kwetsbare ouderen en dementie: de lijn begint al laag en zakt langzaam en lang verder.',
		],
		labels: {
			func: 'functioneren',
			time: 'tijd',
			death: 'overlijden',
			rapid: 'Snelle achteruitgang',
			rapidWhen: 'vaak bij kanker',
			intermittent: 'Wisselende achteruitgang',
			intermittentWhen: 'bij orgaanfalen, zoals hartfalen of COPD',
			gradual: 'Geleidelijke achteruitgang',
			gradualWhen: 'bij kwetsbare ouderen en dementie',
		},
	},
	en: {
		caption: 'Three patterns of decline (after Murray et al., 2007 and 2017). A pattern does not predict how it will go for one person.',
		name: 'Three graphs of physical function over time: rapid, intermittent and gradual decline',
		description: [
			'Three small graphs, one below the other. In each graph time runs along the horizontal axis and physical function up the vertical axis. On the right each line ends at death.',
			'Rapid decline, often in cancer: the line stays fairly high for a long time and then falls steeply within a short time.',
			'Intermittent decline, in chronic organ failure such as heart failure or COPD: the line falls slowly, with sudden drops when things get worse and a partial recovery afterwards.',
			'Gradual decline, in frail older people and dementia: the line already starts low and sinks slowly over a long time.',
		],
		labels: {
			func: 'function',
			time: 'time',
			death: 'death',
			rapid: 'Rapid decline',
			rapidWhen: 'often in cancer',
			intermittent: 'Intermittent decline',
			intermittentWhen: 'in organ failure, such as heart failure or COPD',
			gradual: 'Gradual decline',
			gradualWhen: 'in frail older people and dementia',
		},
	},
};

const dimensions: Texts<{
	centre: string[];
	physical: string;
	physicalEx: string;
	psychological: string;
	psychologicalEx: string;
	social: string;
	socialEx: string;
	spiritual: string;
	spiritualEx: string;
}> = {
	nl: {
		caption: 'De vier dimensies van palliatieve zorg (WHO, 2002 en 2020). Ze beïnvloeden elkaar: samen bepalen ze wat iemand als lijden ervaart (totale pijn).',
		name: 'Vier vakken rond de persoon en de naasten: fysiek, psychisch, sociaal en spiritueel',
		description: [
			'In het midden staan de persoon en de naasten. Rond hen liggen vier vakken die elkaar raken, één per dimensie.',
			'Fysiek: pijn, vermoeidheid, kortademigheid, misselijkheid.',
			'Psychisch: angst, verdriet, boosheid, omgaan met slecht nieuws.',
			'Sociaal: relaties, rollen die wegvallen, geld en wonen.',
			'Spiritueel: zin en betekenis, houvast, vragen over de dood.',
			'De vakken raken elkaar omdat de dimensies elkaar voortdurend beïnvloeden. Dat heet totale pijn.',
		],
		labels: {
			centre: ['persoon', 'en naasten'],
			physical: 'Fysiek',
			physicalEx: 'pijn, vermoeidheid, kortademigheid',
			psychological: 'Psychisch',
			psychologicalEx: 'angst, verdriet, slecht nieuws',
			social: 'Sociaal',
			socialEx: 'relaties, rollen, geld en wonen',
			spiritual: 'Spiritueel',
			spiritualEx: 'zin, houvast, vragen over de dood',
		},
	},
	en: {
		caption: 'The four dimensions of palliative care (WHO, 2002 and 2020). They affect each other: together they make up what a person experiences as suffering (total pain).',
		name: 'Four areas around the person and those close to them: physical, psychological, social and spiritual',
		description: [
			'In the middle are the person and those close to them. Around them lie four areas that touch each other, one per dimension.',
			'Physical: pain, tiredness, breathlessness, nausea.',
			'Psychological: fear, sadness, anger, coping with bad news.',
			'Social: relationships, roles that fall away, money and housing.',
			'Spiritual: meaning and purpose, what gives support, questions about death.',
			'The areas touch because the dimensions constantly affect each other. This is called total pain.',
		],
		labels: {
			centre: ['person', 'and family'],
			physical: 'Physical',
			physicalEx: 'pain, tiredness, breathlessness',
			psychological: 'Psychological',
			psychologicalEx: 'fear, sadness, bad news',
			social: 'Social',
			socialEx: 'relationships, roles, money, housing',
			spiritual: 'Spiritual',
			spiritualEx: 'meaning, support, questions about death',
		},
	},
};

const layers: Texts<{
	specialised: string;
	specialisedWho: string;
	general: string;
	generalWho: string;
	society: string;
	societyWho: string;
	connected: string;
}> = {
	nl: {
		caption: 'Drie verbonden lagen van palliatieve zorg, zoals de Vlaamse visienota (2023) ze beschrijft. Welke laag iemand nodig heeft, hangt af van de noden (subsidiariteit), niet van de verwachte levensduur.',
		name: 'Drie lagen boven elkaar: gespecialiseerde zorg bovenaan, algemene zorg in het midden, de hele samenleving als brede basis',
		description: [
			'Drie lagen liggen op elkaar, de onderste het breedst. Pijlen tussen de lagen tonen dat ze met elkaar verbonden zijn en elkaar aanvullen.',
			'Bovenaan, het smalst: gespecialiseerde palliatieve zorg, voor complexe noden. Bijvoorbeeld de begeleidingsequipes, palliatieve eenheden en de palliatieve netwerken.',
			'In het midden: algemene palliatieve zorg door elke zorg- en welzijnsprofessional met basiskennis, zoals de huisarts, de verpleegkundige en de zorgkundige.',
			'Onderaan, het breedst: de maatschappijbrede benadering, met mantelzorgers, vrijwilligers, buurten, scholen, werkplekken en lokale besturen.',
		],
		labels: {
			specialised: 'Gespecialiseerde palliatieve zorg',
			specialisedWho: 'complexe noden: equipes, eenheden, netwerken',
			general: 'Algemene palliatieve zorg',
			generalWho: 'huisarts, verpleegkundige, zorgkundige …',
			society: 'De hele samenleving',
			societyWho: 'mantelzorgers, vrijwilligers, buurten, werkplekken',
			connected: 'verbonden',
		},
	},
	en: {
		caption: 'Three connected layers of palliative care, as the Flemish policy paper (2023) describes them. Which layer someone needs depends on their needs (subsidiarity), not on how long they are expected to live.',
		name: 'Three layers one above the other: specialist care at the top, general care in the middle, society as a whole as the broad base',
		description: [
			'Three layers lie on top of each other, the lowest is the widest. Arrows between the layers show that they are connected and complement each other.',
			'At the top, the narrowest: specialist palliative care, for complex needs. For example the palliative support teams, palliative care units and the palliative care networks.',
			'In the middle: general palliative care by every health and social care professional with basic knowledge, such as the GP, the nurse and the care assistant.',
			'At the bottom, the widest: the society-wide approach, with family carers, volunteers, neighbourhoods, schools, workplaces and local authorities.',
		],
		labels: {
			specialised: 'Specialist palliative care',
			specialisedWho: 'complex needs: support teams, units, networks',
			general: 'General palliative care',
			generalWho: 'GP, nurse, care assistant …',
			society: 'Society as a whole',
			societyWho: 'family carers, volunteers, neighbours, workplaces',
			connected: 'connected',
		},
	},
};

const alongsideTreatment: Texts<{
	diagnosis: string;
	death: string;
	time: string;
	treatment: string[];
	palliative: string[];
	bereavement: string[];
}> = {
	nl: {
		caption: 'Palliatieve zorg naast de behandeling van de ziekte, van de diagnose tot na het overlijden (naar WHO, 2002 en IAHPC, 2018). Niet enkel de laatste dagen.',
		name: 'Tijdlijn van diagnose tot overlijden: de behandeling van de ziekte neemt af, palliatieve zorg loopt van bij het begin mee en neemt toe, met zorg voor de naasten na het overlijden',
		description: [
			'Een tijdlijn loopt van links, de diagnose, naar rechts, het overlijden en de periode daarna.',
			'Bovenaan een band voor de behandeling die de ziekte afremt of het leven verlengt. Hij is breed bij de diagnose en wordt smaller naar het einde toe.',
			'Onderaan een band voor palliatieve zorg. Hij begint al bij de diagnose, smal, en wordt breder naarmate de ziekte vordert. Beide banden lopen lang naast elkaar.',
			'Na het overlijden loopt de zorg verder als steun voor de naasten in hun rouw.',
		],
		labels: {
			diagnosis: 'diagnose',
			death: 'overlijden',
			time: 'tijd',
			treatment: ['behandeling die de ziekte', 'afremt of het leven verlengt'],
			palliative: ['palliatieve zorg: klachten, zorgen,', 'wensen, steun aan de naasten'],
			bereavement: ['steun bij', 'de rouw'],
		},
	},
	en: {
		caption: 'Palliative care alongside treatment of the disease, from diagnosis until after death (after WHO, 2002 and IAHPC, 2018). Not only the last days.',
		name: 'Timeline from diagnosis to death: treatment of the disease decreases, palliative care runs alongside from the start and increases, with care for the family after death',
		description: [
			'A timeline runs from the left, diagnosis, to the right, death and the period after it.',
			'At the top a band for treatment that slows the disease or prolongs life. It is wide at diagnosis and narrows towards the end.',
			'At the bottom a band for palliative care. It already starts at diagnosis, narrow, and widens as the disease progresses. The two bands run side by side for a long time.',
			'After death, care continues as support for the family in their grief.',
		],
		labels: {
			diagnosis: 'diagnosis',
			death: 'death',
			time: 'time',
			treatment: ['treatment that slows the disease', 'or prolongs life'],
			palliative: ['palliative care: symptoms, worries,', 'wishes, support for the family'],
			bereavement: ['support in', 'grief'],
		},
	},
};

const dyingSigns: Texts<{
	centre: string[];
	signs: string[];
	uncertain: string;
}> = {
	nl: {
		caption: 'Tekens die erop kunnen wijzen dat iemand de laatste levensdagen ingaat (NICE NG31, 2015). Geen enkel teken is zeker; het team beoordeelt samen, met de arts.',
		name: 'Zes tekens rond de vraag of iemand de laatste dagen ingaat',
		description: [
			'In het midden staat de vraag: gaat iemand de laatste dagen in? Het team beoordeelt dat samen, met de arts. Rond die vraag staan zes tekens.',
			'Meer slapen, moeilijker wekbaar, minder reageren.',
			'Minder eten en drinken, moeilijk slikken.',
			'Een veranderende ademhaling, met pauzes of een wisselend patroon.',
			'Een gevlekte, koele huid aan handen, voeten en knieën.',
			'Hoorbaar slijm in de keel.',
			'Onrust en verdere achteruitgang.',
			'Onderaan staat: geen enkel teken is zeker. Iemand kan een paar dagen stabiel blijven of even opleven.',
		],
		labels: {
			centre: ['De laatste dagen?', 'Het team beoordeelt', 'samen, met de arts'],
			signs: [
				'meer slapen, moeilijker wekbaar, minder reageren',
				'minder eten en drinken, moeilijk slikken',
				'andere ademhaling: pauzes, wisselend patroon',
				'gevlekte, koele huid aan handen, voeten, knieën',
				'hoorbaar slijm in de keel',
				'onrust, verdere achteruitgang',
			],
			uncertain: 'Geen enkel teken is zeker: iemand kan stabiel blijven of even opleven.',
		},
	},
	en: {
		caption: 'Signs that may suggest someone is entering the last days of life (NICE NG31, 2015). No sign is certain; the team assesses together, with the doctor.',
		name: 'Six signs around the question whether someone is entering the last days',
		description: [
			'In the middle is the question: is someone entering the last days? The team assesses this together, with the doctor. Six signs surround that question.',
			'Sleeping more, harder to wake, responding less.',
			'Eating and drinking less, difficulty swallowing.',
			'Changing breathing, with pauses or an irregular pattern.',
			'Mottled, cool skin on hands, feet and knees.',
			'Audible secretions in the throat.',
			'Restlessness and further decline.',
			'At the bottom: no sign is certain. Someone may stay stable for a few days or briefly rally.',
		],
		labels: {
			centre: ['The last days?', 'The team assesses', 'together, with the doctor'],
			signs: [
				'sleeping more, harder to wake, responding less',
				'eating and drinking less, difficulty swallowing',
				'changing breathing: pauses, irregular pattern',
				'mottled, cool skin on hands, feet, knees',
				'audible secretions in the throat',
				'restlessness, further decline',
			],
			uncertain: 'No sign is certain: someone may stay stable or briefly rally.',
		},
	},
};

const competences: Texts<{ centre: string[] }> = {
	nl: {
		caption: 'De tien kerncompetenties palliatieve zorg van het EAPC-witboek (Gamondi, Larkin en Payne, 2013). Elke module van de basiscursus werkt aan één ervan.',
		name: 'Tien genummerde competenties in een kring rond patiënt en naasten',
		description: [
			'Tien genummerde vakken staan in een kring rond patiënt en naasten. Het nummer verwijst naar de lijst hieronder, die ook onder de figuur staat.',
		],
		labels: { centre: ['patiënt', 'en naasten'] },
	},
	en: {
		caption: 'The ten core competencies in palliative care of the EAPC white paper (Gamondi, Larkin and Payne, 2013). Each module of the basic course works on one of them.',
		name: 'Ten numbered competencies in a circle around patient and family',
		description: ['Ten numbered areas stand in a circle around the patient and family. Each number refers to the list below the figure.'],
		labels: { centre: ['patient', 'and family'] },
	},
};

const painAssessment: Texts<{
	question: string[];
	yes: string;
	no: string;
	selfReport: string[];
	observation: string[];
	record: string[];
	act: string[];
	reassess: string[];
}> = {
	nl: {
		caption: 'Pijn beoordelen: eerst zelfrapportage, een observatieschaal wanneer iemand geen score meer kan geven, dan handelen en opnieuw meten (naar de PAINAD, 2003, en de lestekst).',
		name: 'Stroomschema van pijnbeoordeling: kan de persoon zelf scoren, zo ja NRS, zo nee observatieschaal, dan melden, handelen en opnieuw meten',
		description: [
			'Bovenaan de vraag: kan de persoon zelf een score geven?',
			'Ja: laat de persoon de ernst scoren op een NRS van 0 (geen pijn) tot 10 (ergste pijn), of op een VAS, en vraag naar plaats, aard en wat helpt.',
			'Nee, bijvoorbeeld door dementie, sufheid of een taalprobleem: gebruik de observatieschaal die je organisatie afsprak, zoals de PAINAD, Doloplus-2 of REPOS. Kijk naar gezicht, ademhaling, geluiden, houding en of iemand te troosten is.',
			'Beide wegen komen samen: noteer de score en meld ze aan het team en de arts.',
			'Het team handelt op een verhoogde score. Denk ook aan andere oorzaken van onrust, zoals een volle blaas, angst of een delier.',
			'Meet opnieuw, op vaste momenten en na elke aanpassing van de behandeling. Een pijl gaat van daar terug naar de eerste vraag.',
		],
		labels: {
			question: ['Kan de persoon', 'zelf een score geven?'],
			yes: 'ja',
			no: 'nee',
			selfReport: ['Zelfrapportage:', 'NRS 0–10 of VAS'],
			observation: ['Observatieschaal:', 'PAINAD, Doloplus-2, REPOS'],
			record: ['Score noteren en melden', 'aan het team en de arts'],
			act: ['Handelen op een verhoogde score', '(ook andere oorzaken nagaan)'],
			reassess: ['Opnieuw meten: op vaste momenten', 'en na elke aanpassing'],
		},
	},
	en: {
		caption: 'Assessing pain: self-report first, an observation scale when someone can no longer give a score, then act and measure again (after the PAINAD, 2003, and the lesson text).',
		name: 'Flow chart of pain assessment: can the person score it themselves, if yes NRS, if not an observation scale, then report, act and measure again',
		description: [
			'At the top the question: can the person give a score themselves?',
			'Yes: let the person score the severity on an NRS from 0 (no pain) to 10 (worst pain), or on a VAS, and ask about location, character and what helps.',
			'No, for example because of dementia, drowsiness or a language barrier: use the observation scale your organisation agreed on, such as the PAINAD, Doloplus-2 or REPOS. Look at the face, breathing, sounds, posture and whether the person can be comforted.',
			'Both routes meet: record the score and report it to the team and the doctor.',
			'The team acts on a raised score. Think of other causes of restlessness too, such as a full bladder, fear or delirium.',
			'Measure again, at fixed times and after every change in treatment. An arrow leads from there back to the first question.',
		],
		labels: {
			question: ['Can the person give', 'a score themselves?'],
			yes: 'yes',
			no: 'no',
			selfReport: ['Self-report:', 'NRS 0–10 or VAS'],
			observation: ['Observation scale:', 'PAINAD, Doloplus-2, REPOS'],
			record: ['Record the score and report', 'it to the team and the doctor'],
			act: ['Act on a raised score', '(check other causes too)'],
			reassess: ['Measure again: at fixed times', 'and after every change'],
		},
	},
};

const dualProcess: Texts<{
	everyday: string;
	loss: string;
	lossItems: string[];
	restoration: string;
	restorationItems: string[];
	oscillation: string;
	rest: string;
}> = {
	nl: {
		caption: 'Het duale procesmodel van rouw (Stroebe en Schut, 1999): pendelen tussen verliesgerichte en herstelgerichte opgaven, binnen het gewone dagelijkse leven.',
		name: 'Twee vakken naast elkaar, verliesgericht en herstelgericht, met een heen-en-weer-lijn ertussen voor het pendelen',
		description: [
			'Een groot kader stelt het dagelijkse leven voor. Daarin staan twee vakken naast elkaar.',
			'Links het verliesgerichte vak: huilen, herinneringen ophalen, het gemis voelen.',
			'Rechts het herstelgerichte vak: de administratie regelen, alleen leren koken, een nieuwe dagindeling vinden, een nieuwe rol opnemen.',
			'Een zigzaglijn met pijlen gaat heen en weer tussen beide vakken: gezond rouwen is pendelen tussen beide. Onderaan staat dat rust nemen van allebei er ook bij hoort.',
		],
		labels: {
			everyday: 'Het dagelijkse leven',
			loss: 'Verliesgericht',
			lossItems: ['huilen', 'herinneringen ophalen', 'het gemis voelen'],
			restoration: 'Herstelgericht',
			restorationItems: ['administratie regelen', 'alleen leren koken', 'nieuwe dagindeling', 'nieuwe rol opnemen'],
			oscillation: 'pendelen',
			rest: 'Rust nemen van allebei hoort er ook bij.',
		},
	},
	en: {
		caption: 'The dual process model of grief (Stroebe and Schut, 1999): moving back and forth between loss-oriented and restoration-oriented tasks, within ordinary everyday life.',
		name: 'Two areas side by side, loss-oriented and restoration-oriented, with a back-and-forth line between them for the oscillation',
		description: [
			'A large frame stands for everyday life. Inside it are two areas side by side.',
			'On the left the loss-oriented area: crying, recalling memories, feeling the absence.',
			'On the right the restoration-oriented area: dealing with paperwork, learning to cook alone, finding a new daily routine, taking on a new role.',
			'A zigzag line with arrows runs back and forth between the two areas: healthy grieving is moving between them. At the bottom: taking a rest from both is part of it too.',
		],
		labels: {
			everyday: 'Everyday life',
			loss: 'Loss-oriented',
			lossItems: ['crying', 'recalling memories', 'feeling the absence'],
			restoration: 'Restoration-oriented',
			restorationItems: ['dealing with paperwork', 'learning to cook alone', 'new daily routine', 'taking on a new role'],
			oscillation: 'oscillating',
			rest: 'Taking a rest from both is part of it too.',
		},
	},
};

const representatives: Texts<{
	top: string;
	steps: string[];
	family: string[];
	next: string;
	last: string;
	will: string;
}> = {
	nl: {
		caption: 'Wie vertegenwoordigt een meerderjarige patiënt die zijn rechten niet meer zelf kan uitoefenen? De wettelijke volgorde van artikel 14 van de wet patiëntenrechten (2002, hervormd in 2024).',
		name: 'Trap van vijf treden: benoemde vertegenwoordiger, bewindvoerder over de persoon, samenwonende partner, dan kind, ouder, broer of zus, en ten slotte de zorgverlener in multidisciplinair overleg',
		description: [
			'De figuur is een trap van boven naar onder. Je gaat pas een trede lager als er op de trede erboven niemand is of niemand optreedt.',
			'1. De benoemde vertegenwoordiger: de persoon die de patiënt zelf schriftelijk aanwees, in een gedateerde opdracht die beiden ondertekenden.',
			'2. De bewindvoerder over de persoon, als de vrederechter hem daartoe bevoegd maakte.',
			'3. De samenwonende echtgenoot of de wettelijk of feitelijk samenwonende partner.',
			'4. In deze volgorde: een meerderjarig kind, een ouder, een meerderjarige broer of zus.',
			'5. Is er niemand, wil niemand optreden of zijn personen van hetzelfde niveau het oneens, dan behartigt de betrokken zorgverlener de belangen van de patiënt, in multidisciplinair overleg.',
			'Onderaan staat: wie vertegenwoordigt, beslist vanuit de wil en de waarden van de patiënt.',
		],
		labels: {
			top: 'De patiënt kan zijn rechten niet meer zelf uitoefenen',
			steps: [
				'1. Benoemde vertegenwoordiger (schriftelijk, gedateerd, door beiden ondertekend)',
				'2. Bewindvoerder over de persoon, bevoegd gemaakt door de vrederechter',
				'3. Samenwonende echtgenoot of samenwonende partner',
			],
			family: ['4. meerderjarig kind', 'ouder', 'meerderjarige broer of zus'],
			next: 'niemand, of treedt niet op',
			last: '5. De betrokken zorgverlener, in multidisciplinair overleg (ook bij onenigheid op hetzelfde niveau)',
			will: 'Wie vertegenwoordigt, beslist vanuit de wil en de waarden van de patiënt.',
		},
	},
	en: {
		caption: 'Who represents an adult patient who can no longer exercise their rights? The legal order of article 14 of the Belgian patients\u2019 rights act (2002, reformed in 2024).',
		name: 'A staircase of five steps: appointed representative, guardian of the person, cohabiting partner, then child, parent, brother or sister, and finally the care provider in multidisciplinary consultation',
		description: [
			'The figure is a staircase from top to bottom. You only go one step down when there is nobody on the step above or nobody acts.',
			'1. The appointed representative: the person the patient named in writing, in a dated mandate signed by both.',
			'2. The guardian of the person (bewindvoerder over de persoon), when the justice of the peace gave them that power.',
			'3. The cohabiting spouse or the legally or de facto cohabiting partner.',
			'4. In this order: an adult child, a parent, an adult brother or sister.',
			'5. If there is nobody, nobody wants to act, or people on the same level disagree, the care provider concerned looks after the patient\u2019s interests, in multidisciplinary consultation.',
			'At the bottom: whoever represents the patient decides from the patient\u2019s wishes and values.',
		],
		labels: {
			top: 'The patient can no longer exercise their rights',
			steps: [
				'1. Appointed representative (in writing, dated, signed by both)',
				'2. Guardian of the person, given that power by the justice of the peace',
				'3. Cohabiting spouse or cohabiting partner',
			],
			family: ['4. adult child', 'parent', 'adult brother or sister'],
			next: 'nobody, or does not act',
			last: '5. The care provider concerned, in multidisciplinary consultation (also when people on one level disagree)',
			will: 'Whoever represents the patient decides from the patient\u2019s wishes and values.',
		},
	},
};

export const diagramTexts = {
	trajectories,
	dimensions,
	layers,
	'alongside-treatment': alongsideTreatment,
	'dying-signs': dyingSigns,
	competences,
	'pain-assessment': painAssessment,
	'dual-process': dualProcess,
	representatives,
} as const;

export type DiagramId = keyof typeof diagramTexts;
export const diagramIds = Object.keys(diagramTexts) as DiagramId[];

export function isDiagramId(id: unknown): id is DiagramId {
	return typeof id === 'string' && Object.hasOwn(diagramTexts, id);
}

/** Words shared by both languages on purpose (names of scales and organisations). */
export const sameInBothLanguages = new Set(['PAINAD, Doloplus-2, REPOS']);

/** The fold-out's summary under every diagram. */
export const diagramSummary: Record<Locale, string> = { nl: 'Wat staat er op deze figuur?', en: 'What does this figure show?' };
