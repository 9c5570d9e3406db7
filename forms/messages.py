# ruff: noqa: E501  (translated sentences read better unbroken)
"""The package's own words: validation messages and the labels printed on every page.

Definitions carry their own texts; these are the ones forms/ adds around them. They
exist in every shipped language; a clinic language without them falls back to English
for these words only (its form texts still print in its language).
"""

from __future__ import annotations

from forms.text import FALLBACK_LANGUAGE

MESSAGES: dict[str, dict[str, str]] = {
    # ---- validation
    "required": {
        "en": "{label}: this is required.",
        "fr": "{label} : ce champ est obligatoire.",
        "sw": "{label}: sehemu hii ni lazima ijazwe.",
    },
    "unknown_field": {
        "en": "{field}: this form has no such question; the answer was not kept.",
        "fr": "{field} : ce formulaire n'a pas cette question ; la réponse n'a pas été gardée.",
        "sw": "{field}: fomu hii haina swali hili; jibu halikuhifadhiwa.",
    },
    "type_text": {
        "en": "{label}: expected text.",
        "fr": "{label} : un texte est attendu.",
        "sw": "{label}: maandishi yanahitajika.",
    },
    "control_chars": {
        "en": "{label}: contains invisible control characters; please retype it.",
        "fr": "{label} : contient des caractères de contrôle invisibles ; veuillez le ressaisir.",
        "sw": "{label}: kuna herufi za udhibiti zisizoonekana; tafadhali liandike upya.",
    },
    "multiline": {
        "en": "{label}: must fit on one line.",
        "fr": "{label} : doit tenir sur une seule ligne.",
        "sw": "{label}: liandikwe kwenye mstari mmoja.",
    },
    "too_long": {
        "en": "{label}: too long ({length} characters; at most {max}).",
        "fr": "{label} : trop long ({length} caractères ; {max} au maximum).",
        "sw": "{label}: ni refu mno (herufi {length}; zisizozidi {max}).",
    },
    "type_number": {
        "en": "{label}: expected a number.",
        "fr": "{label} : un nombre est attendu.",
        "sw": "{label}: namba inahitajika.",
    },
    "not_integer": {
        "en": "{label}: must be a whole number.",
        "fr": "{label} : doit être un nombre entier.",
        "sw": "{label}: lazima iwe namba kamili.",
    },
    "out_of_range": {
        "en": "{label}: {value} {unit} is not possible; it must be between {min} and {max} {unit}.",
        "fr": "{label} : {value} {unit} n'est pas possible ; la valeur doit être entre {min} et {max} {unit}.",
        "sw": "{label}: {value} {unit} haiwezekani; lazima iwe kati ya {min} na {max} {unit}.",
    },
    "implausible": {
        "en": "{label}: {value} {unit} is unusual (expected {min} to {max} {unit}); please check it.",
        "fr": "{label} : {value} {unit} est inhabituel (attendu entre {min} et {max} {unit}) ; veuillez vérifier.",
        "sw": "{label}: {value} {unit} si ya kawaida (inatarajiwa kati ya {min} na {max} {unit}); tafadhali hakikisha.",
    },
    "type_date": {
        "en": "{label}: expected a date (year-month-day).",
        "fr": "{label} : une date est attendue (année-mois-jour).",
        "sw": "{label}: tarehe inahitajika (mwaka-mwezi-siku).",
    },
    "future_date": {
        "en": "{label}: {value} is in the future.",
        "fr": "{label} : {value} est dans le futur.",
        "sw": "{label}: {value} ni tarehe ya baadaye.",
    },
    "type_partial_date": {
        "en": "{label}: expected a year, a year and month, or a full date.",
        "fr": "{label} : une année, un mois et une année, ou une date complète est attendue.",
        "sw": "{label}: mwaka, mwezi na mwaka, au tarehe kamili inahitajika.",
    },
    "type_choice": {
        "en": "{label}: “{value}” is not one of the choices.",
        "fr": "{label} : « {value} » ne fait pas partie des choix.",
        "sw": "{label}: “{value}” si mojawapo ya machaguo.",
    },
    "type_choices": {
        "en": "{label}: expected a list of choices, each listed once.",
        "fr": "{label} : une liste de choix est attendue, chacun une seule fois.",
        "sw": "{label}: orodha ya machaguo inahitajika, kila moja mara moja tu.",
    },
    "type_yes_no": {
        "en": "{label}: answer yes or no.",
        "fr": "{label} : répondez oui ou non.",
        "sw": "{label}: jibu ndiyo au hapana.",
    },
    "type_yes_no_unknown": {
        "en": "{label}: answer yes, no or unknown.",
        "fr": "{label} : répondez oui, non ou inconnu.",
        "sw": "{label}: jibu ndiyo, hapana au haijulikani.",
    },
    "bp_incomplete": {
        "en": "{label}: give both the systolic and the diastolic pressure.",
        "fr": "{label} : indiquez la pression systolique et la pression diastolique.",
        "sw": "{label}: andika shinikizo la juu (systolic) na la chini (diastolic).",
    },
    "bp_order": {
        "en": "{label}: the diastolic pressure must be lower than the systolic.",
        "fr": "{label} : la pression diastolique doit être inférieure à la systolique.",
        "sw": "{label}: shinikizo la chini (diastolic) lazima liwe dogo kuliko la juu (systolic).",
    },
    "signature_shape": {
        "en": "{label}: this is not a signature record.",
        "fr": "{label} : ce n'est pas un enregistrement de signature.",
        "sw": "{label}: hii si kumbukumbu ya sahihi.",
    },
    "signature_name": {
        "en": "{label}: the name of the person signing is missing.",
        "fr": "{label} : le nom de la personne qui signe manque.",
        "sw": "{label}: jina la anayetia sahihi halipo.",
    },
    "signature_time": {
        "en": "{label}: the signing time must be a date and time with its time zone.",
        "fr": "{label} : l'heure de signature doit être une date et une heure avec le fuseau horaire.",
        "sw": "{label}: muda wa kutia sahihi lazima uwe tarehe na saa pamoja na saa za eneo.",
    },
    "signature_method": {
        "en": "{label}: “{value}” is not a way of signing allowed here.",
        "fr": "{label} : « {value} » n'est pas un mode de signature permis ici.",
        "sw": "{label}: “{value}” si njia ya kutia sahihi inayoruhusiwa hapa.",
    },
    "signature_image": {
        "en": "{label}: the signature image must be a PNG picture of at most {max} KB.",
        "fr": "{label} : l'image de la signature doit être une image PNG de {max} Ko au plus.",
        "sw": "{label}: picha ya sahihi lazima iwe PNG isiyozidi KB {max}.",
    },
    "signature_image_missing": {
        "en": "{label}: a signature drawn on screen needs its image.",
        "fr": "{label} : une signature tracée à l'écran doit avoir son image.",
        "sw": "{label}: sahihi iliyochorwa kwenye skrini inahitaji picha yake.",
    },
    "line_item": {
        "en": "{label}, line {row}: give a description, a quantity and a unit price (not negative).",
        "fr": "{label}, ligne {row} : indiquez une désignation, une quantité et un prix unitaire (non négatifs).",
        "sw": "{label}, mstari {row}: andika maelezo, idadi na bei ya kimoja (isiwe hasi).",
    },
    "type_line_items": {
        "en": "{label}: expected a list of lines (at most {max}).",
        "fr": "{label} : une liste de lignes est attendue ({max} au maximum).",
        "sw": "{label}: orodha ya mistari inahitajika (isiyozidi {max}).",
    },
    # ---- printed page furniture
    "page_of": {
        "en": "Page {page} of {pages}",
        "fr": "Page {page} sur {pages}",
        "sw": "Ukurasa {page} kati ya {pages}",
    },
    "printed": {"en": "Printed {when}", "fr": "Imprimé le {when}", "sw": "Imechapishwa {when}"},
    "version": {"en": "version {version}", "fr": "version {version}", "sw": "toleo {version}"},
    # A shipped form's id in a version the clinic installed itself (not Outpost's wording).
    "clinic_version": {
        "en": "version {version}, the clinic's own",
        "fr": "version {version}, propre à la clinique",
        "sw": "toleo {version}, la kliniki yenyewe",
    },
    "patient": {"en": "Patient", "fr": "Patient", "sw": "Mgonjwa"},
    # The clinic number, as the screens name it ("Clinic no. KHP-QX0042"), never a record id.
    "patient_id": {"en": "Clinic no.", "fr": "Dossier n°", "sw": "Namba ya usajili"},
    "age_years": {"en": "{age} y", "fr": "{age} ans", "sw": "miaka {age}"},
    "age_about": {"en": "about {age} y", "fr": "environ {age} ans", "sw": "takriban miaka {age}"},
    "age_not_known": {"en": "Age not known", "fr": "Âge inconnu", "sw": "Umri haujulikani"},
    "record": {"en": "Record", "fr": "Fiche", "sw": "Kumbukumbu"},
    "form": {"en": "Form", "fr": "Formulaire", "sw": "Fomu"},
    "blank_form": {
        "en": "Blank form: fill in by hand, then enter it in Outpost",
        "fr": "Formulaire vierge : à remplir à la main, puis à saisir dans Outpost",
        "sw": "Fomu tupu: jaza kwa mkono, kisha iingize kwenye Outpost",
    },
    "corrects": {
        "en": "Correction of record {record}. Reason: {reason}",
        "fr": "Correction de la fiche {record}. Motif : {reason}",
        "sw": "Marekebisho ya kumbukumbu {record}. Sababu: {reason}",
    },
    "continued": {"en": "(continued)", "fr": "(suite)", "sw": "(inaendelea)"},
    # ---- the day list (the appointments of one day)
    "day_list": {"en": "Day list", "fr": "Liste du jour", "sw": "Orodha ya siku"},
    "day_list_title": {
        "en": "Appointments of {day}",
        "fr": "Rendez-vous du {day}",
        "sw": "Miadi ya {day}",
    },
    "day_list_count": {
        "en": "Appointments: {count}",
        "fr": "Rendez-vous : {count}",
        "sw": "Idadi ya miadi: {count}",
    },
    "day_list_none": {
        "en": "No appointments.",
        "fr": "Aucun rendez-vous.",
        "sw": "Hakuna miadi.",
    },
    "col_time": {"en": "Time", "fr": "Heure", "sw": "Saa"},
    "col_patient": {"en": "Patient", "fr": "Patient", "sw": "Mgonjwa"},
    "col_provider": {"en": "Provider", "fr": "Soignant", "sw": "Mhudumu"},
    "col_type": {"en": "Type", "fr": "Type", "sw": "Aina"},
    "col_status": {"en": "Status", "fr": "Statut", "sw": "Hali"},
    "status_booked": {"en": "Booked", "fr": "Prévu", "sw": "Imepangwa"},
    "status_arrived": {"en": "Arrived", "fr": "Arrivé", "sw": "Amefika"},
    "status_in_consultation": {
        "en": "In consultation",
        "fr": "En consultation",
        "sw": "Anaonwa",
    },
    "status_completed": {"en": "Completed", "fr": "Terminé", "sw": "Imekamilika"},
    "status_no_show": {"en": "Did not come", "fr": "Absent", "sw": "Hakufika"},
    "status_cancelled": {"en": "Cancelled", "fr": "Annulé", "sw": "Imeghairiwa"},
    "status_rescheduled": {"en": "Moved", "fr": "Déplacé", "sw": "Imehamishwa"},
    "status_late": {"en": "late", "fr": "en retard", "sw": "amechelewa"},
    "not_answered": {"en": "—", "fr": "—", "sw": "—"},
    "yes": {"en": "Yes", "fr": "Oui", "sw": "Ndiyo"},
    "no": {"en": "No", "fr": "Non", "sw": "Hapana"},
    "unknown": {"en": "Unknown", "fr": "Inconnu", "sw": "Haijulikani"},
    "approximate": {"en": "approximate", "fr": "approximative", "sw": "takriban"},
    "approx_prefix": {"en": "about", "fr": "environ", "sw": "takriban"},
    "day": {"en": "day", "fr": "jour", "sw": "siku"},
    "month": {"en": "month", "fr": "mois", "sw": "mwezi"},
    "year": {"en": "year", "fr": "année", "sw": "mwaka"},
    "tick_one": {"en": "tick one", "fr": "cochez une case", "sw": "weka alama moja"},
    "tick_any": {
        "en": "tick all that apply",
        "fr": "cochez tout ce qui s'applique",
        "sw": "weka alama kwa yote yanayohusika",
    },
    "only_if": {
        "en": "Only if: {condition}",
        "fr": "Seulement si : {condition}",
        "sw": "Ikiwa tu: {condition}",
    },
    "and": {"en": "and", "fr": "et", "sw": "na"},
    "or": {"en": "or", "fr": "ou", "sw": "au"},
    "not": {"en": "not", "fr": "non", "sw": "si"},
    "age": {"en": "age", "fr": "âge", "sw": "umri"},
    "is_answered": {
        "en": "{label} is answered",
        "fr": "{label} est renseigné",
        "sw": "{label} limejibiwa",
    },
    "is_not_answered": {
        "en": "{label} is not answered",
        "fr": "{label} n'est pas renseigné",
        "sw": "{label} halijajibiwa",
    },
    "includes": {
        "en": "{label} includes {value}",
        "fr": "{label} comprend {value}",
        "sw": "{label} ina {value}",
    },
    "between": {
        "en": "{label} from {low} to {high}",
        "fr": "{label} de {low} à {high}",
        "sw": "{label} kati ya {low} na {high}",
    },
    "signed_by": {"en": "Signed by {name}", "fr": "Signé par {name}", "sw": "Imesainiwa na {name}"},
    "thumbprint_by": {
        "en": "Thumbprint of {name}",
        "fr": "Empreinte du pouce de {name}",
        "sw": "Alama ya kidole gumba ya {name}",
    },
    "witnessed_by": {"en": "Witnessed by {name}", "fr": "Témoin : {name}", "sw": "Shahidi: {name}"},
    "signed_at": {"en": "on {when}", "fr": "le {when}", "sw": "tarehe {when}"},
    "method_drawn": {
        "en": "signed on screen",
        "fr": "signé à l'écran",
        "sw": "imesainiwa kwenye skrini",
    },
    "method_thumbprint": {
        "en": "thumbprint",
        "fr": "empreinte du pouce",
        "sw": "alama ya kidole gumba",
    },
    "method_paper": {
        "en": "signed on the paper copy",
        "fr": "signé sur l'exemplaire papier",
        "sw": "imesainiwa kwenye nakala ya karatasi",
    },
    "role": {"en": "Role", "fr": "Qualité", "sw": "Wadhifa"},
    "name": {"en": "Name", "fr": "Nom", "sw": "Jina"},
    "date": {"en": "Date", "fr": "Date", "sw": "Tarehe"},
    "signature": {"en": "Signature", "fr": "Signature", "sw": "Sahihi"},
    "thumbprint_box": {
        "en": "Left thumbprint",
        "fr": "Empreinte du pouce gauche",
        "sw": "Alama ya kidole gumba cha kushoto",
    },
    "image_unreadable": {
        "en": "(the stored image could not be read)",
        "fr": "(l'image enregistrée n'a pas pu être lue)",
        "sw": "(picha iliyohifadhiwa haikuweza kusomwa)",
    },
    "description": {"en": "Description", "fr": "Désignation", "sw": "Maelezo"},
    "quantity": {"en": "Qty", "fr": "Qté", "sw": "Idadi"},
    "unit_price": {"en": "Unit price", "fr": "Prix unitaire", "sw": "Bei ya kimoja"},
    "amount": {"en": "Amount", "fr": "Montant", "sw": "Kiasi"},
    "total": {"en": "Total", "fr": "Total", "sw": "Jumla"},
    # ---- the values of a result and the repeats of a care plan (printed letters)
    "flag_normal": {"en": "normal", "fr": "normal", "sw": "kawaida"},
    "flag_low": {"en": "LOW", "fr": "BAS", "sw": "CHINI"},
    "flag_high": {"en": "HIGH", "fr": "ÉLEVÉ", "sw": "JUU"},
    "flag_critical": {"en": "CRITICAL", "fr": "CRITIQUE", "sw": "HATARI"},
    "flag_abnormal": {"en": "ABNORMAL", "fr": "ANORMAL", "sw": "SI YA KAWAIDA"},
    "normal_range": {
        "en": "usual range {range}",
        "fr": "valeurs habituelles {range}",
        "sw": "kiwango cha kawaida {range}",
    },
    "result_in_report": {
        "en": "In the scanned report kept at the clinic: ask the clinic for a copy.",
        "fr": "Dans le compte rendu numérisé conservé au centre : demandez-en une copie.",
        "sw": "Katika ripoti iliyochanganuliwa iliyohifadhiwa kliniki: omba nakala.",
    },
    "every_days": {
        "en": "every {days} days",
        "fr": "tous les {days} jours",
        "sw": "kila siku {days}",
    },
    "write_here": {
        "en": "Write it here if it is missing:",
        "fr": "Écrivez-la ici si elle manque :",
        "sw": "Iandike hapa ikiwa haipo:",
    },
}


_QUOTES = {"fr": ("« ", " »")}


def message_label(label: str, lang: str) -> str:
    """A field's label as it opens a problem ("{label}: this is required."): a label that is
    a sentence ("I confirm that the patient understood it.") loses its full stop or colon,
    and a question or exclamation is quoted, so the problem never reads "….: this is
    required." or "…?: …"."""
    text = label.strip()
    while text and text[-1] in ".:;,":
        if text.endswith("...") or text.endswith("…"):
            break
        text = text[:-1].rstrip()
    if (text and text[-1] in "?!…") or text.endswith("..."):
        start, end = _QUOTES.get(lang, ("“", "”"))
        return f"{start}{text}{end}"
    return text


def message(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (English if that language has none), filled in."""
    table = MESSAGES[key]
    template = table.get(lang) or table[FALLBACK_LANGUAGE]
    return template.format(**params) if params else template


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """A number as people in ``lang`` write it: French uses a decimal comma."""
    if decimals is None:
        text = f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    else:
        text = f"{value:.{decimals}f}"
    if lang == "fr":
        text = text.replace(".", ",")
    return text
