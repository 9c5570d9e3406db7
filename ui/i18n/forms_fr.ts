<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>FormChoosers</name>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="68" />
      <source>New form for {name}</source>
      <translation>Nouveau formulaire pour {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="71" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="82" />
      <source>&amp;Fill in on screen</source>
      <translation>&amp;Remplir à l’écran</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="85" />
      <source>Print &amp;blank…</source>
      <translation>Imprimer &amp;vierge…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="88" />
      <source>A blank copy with the patient's name, to fill in by hand</source>
      <translation>Un exemplaire vierge au nom du patient, à remplir à la main</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="96" />
      <source>Which form?</source>
      <translation>Quel formulaire ?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="154" />
      <source>Print for {name}</source>
      <translation>Imprimer pour {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="157" />
      <source>What to print</source>
      <translation>Que faut-il imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="170" />
      <source>Blank: {title}</source>
      <translation>Vierge : {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="177" />
      <location filename="../../ui/form_view_dialogs.py" line="265" />
      <source>&amp;Preview…</source>
      <translation>&amp;Aperçu…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="184" />
      <source>The patient's forms (newest first), then blank forms:</source>
      <translation>Les formulaires du patient (les plus récents d’abord), puis les formulaires vierges :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="221" />
      <source>Blank forms for downtime</source>
      <translation>Formulaires vierges en cas de panne</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="225" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="226" />
      <source>Copies</source>
      <translation>Exemplaires</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="233" />
      <source>Copies of {title}</source>
      <translation>Exemplaires de {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="242" />
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="247" />
      <source>Paper size</source>
      <translation>Format du papier</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="252" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="254" />
      <source>P&amp;aper:</source>
      <translation>P&amp;apier :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="273" />
      <source>When the laptop or the power is down, forms are filled in by hand and entered in Outpost later. Each printed form carries a code that names it.</source>
      <translation>Quand l’ordinateur ou le courant est en panne, les formulaires sont remplis à la main puis saisis dans Outpost plus tard. Chaque formulaire imprimé porte un code qui l’identifie.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="295" />
      <source>Forms to print: {count}</source>
      <translation>Formulaires à imprimer : {count}</translation>
    </message>
  </context>
  <context>
    <name>FormFields</name>
    <message>
      <location filename="../../ui/form_fields.py" line="300" />
      <source>systolic</source>
      <translation>systolique</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="300" />
      <source>diastolic</source>
      <translation>diastolique</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="371" />
      <source>Year-month-day, or day/month/year</source>
      <translation>Année-mois-jour, ou jour/mois/année</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="373" />
      <source>Calendar</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="374" />
      <source>Choose on a calendar</source>
      <translation>Choisir sur un calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="375" />
      <source>Choose {label} on a calendar</source>
      <translation>Choisir {label} sur un calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="388" />
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="389" />
      <source>{label}: today</source>
      <translation>{label} : aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="564" />
      <location filename="../../ui/form_fields.py" line="733" />
      <source>Clear</source>
      <translation>Effacer</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="565" />
      <source>Take this answer back</source>
      <translation>Retirer cette réponse</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="567" />
      <location filename="../../ui/form_fields.py" line="734" />
      <source>Clear {label}</source>
      <translation>Effacer {label}</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="721" />
      <source>e.g. sister, neighbour</source>
      <translation>p. ex. sœur, voisin</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="722" />
      <source>Signs on the screen</source>
      <translation>Signe à l’écran</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="723" />
      <source>Signs the printed copy</source>
      <translation>Signe l’exemplaire imprimé</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="732" />
      <source>{label}: signature pad</source>
      <translation>{label} : zone de signature</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="737" />
      <source>Print the form after completing it; the person signs the paper, which the clinic keeps.</source>
      <translation>Imprimez le formulaire une fois terminé ; la personne signe le papier, que le centre conserve.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="808" />
      <source>Not signed yet.</source>
      <translation>Pas encore signé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="810" />
      <source>To be signed on the printed copy.</source>
      <translation>À signer sur l’exemplaire imprimé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="812" />
      <source>✓ Signed on the screen.</source>
      <translation>✓ Signé à l’écran.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="877" />
      <source>A thumbprint is given instead of a signature</source>
      <translation>Une empreinte du pouce remplace la signature</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="882" />
      <source>On the printed copy (the clinic keeps the paper)</source>
      <translation>Sur l’exemplaire imprimé (le centre garde le papier)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="883" />
      <source>Scanned or photographed image</source>
      <translation>Image scannée ou photographiée</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="890" />
      <source>Choose the image…</source>
      <translation>Choisir l’image…</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="891" />
      <source>{label}: choose the image</source>
      <translation>{label} : choisir l’image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="897" />
      <source>{label}: image</source>
      <translation>{label} : image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="938" />
      <source>no image</source>
      <translation>pas d’image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="947" />
      <source>Choose the thumbprint image</source>
      <translation>Choisir l’image de l’empreinte</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="949" />
      <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
      <translation>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="960" />
      <location filename="../../ui/form_fields.py" line="976" />
      <source>This image is too large to be a thumbprint.</source>
      <translation>Cette image est trop grande pour une empreinte du pouce.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="963" />
      <source>This file could not be read as an image.</source>
      <translation>Ce fichier n’a pas pu être lu comme une image.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1067" />
      <source>Add a line</source>
      <translation>Ajouter une ligne</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1068" />
      <source>Remove the line</source>
      <translation>Supprimer la ligne</translation>
    </message>
  </context>
  <context>
    <name>FormView</name>
    <message>
      <location filename="../../ui/form_view.py" line="107" />
      <source>about {age} y</source>
      <translation>environ {age} ans</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="107" />
      <source>{age} y</source>
      <translation>{age} ans</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="238" />
      <source>Required.</source>
      <translation>Obligatoire.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="267" />
      <source>Check:</source>
      <translation>À vérifier :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="345" />
      <source>Language of the form</source>
      <translation>Langue du formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="346" />
      <source>The language the form is read and printed in</source>
      <translation>La langue dans laquelle le formulaire est lu et imprimé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="348" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="371" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="376" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="376" />
      <source>Preview and print this form</source>
      <translation>Voir l’aperçu et imprimer ce formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="378" />
      <source>&amp;Edit</source>
      <translation>&amp;Modifier</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="380" />
      <source>C&amp;orrect…</source>
      <translation>C&amp;orriger…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="382" />
      <source>Make a new version of this signed form, saying why</source>
      <translation>Créer une nouvelle version de ce formulaire signé, en disant pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="385" />
      <source>&amp;Complete</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="387" />
      <source>Check every answer and store the form</source>
      <translation>Vérifier toutes les réponses et enregistrer le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="390" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="444" />
      <source>Patient: {name}</source>
      <translation>Patient : {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="462" />
      <source>* required</source>
      <translation>* obligatoire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="564" />
      <source>Signed {when}.</source>
      <translation>Signé le {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="564" />
      <source>Signed.</source>
      <translation>Signé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="566" />
      <source>A signed form cannot be changed. To fix a mistake, use Correct…: it makes a new version that refers to this one, to be signed again.</source>
      <translation>Un formulaire signé ne peut pas être modifié. Pour réparer une erreur, utilisez Corriger… : une nouvelle version est créée, qui renvoie à celle-ci, et doit être signée à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="575" />
      <source>Completed. Edit to change an answer (the form is then a draft again until it is completed), or Correct… to keep this version as it is.</source>
      <translation>Terminé. Modifier pour changer une réponse (le formulaire redevient un brouillon jusqu’à ce qu’il soit terminé), ou Corriger… pour garder cette version telle quelle.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="583" />
      <source>Correction of an earlier version. Reason: {reason}</source>
      <translation>Correction d’une version précédente. Motif : {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="589" />
      <source>You may read this form but not fill it in.</source>
      <translation>Vous pouvez lire ce formulaire mais pas le remplir.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="604" />
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="604" />
      <source>Completed</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="604" />
      <source>Signed</source>
      <translation>Signé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="607" />
      <source>saved</source>
      <translation>enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="653" />
      <source>Draft — saving…</source>
      <translation>Brouillon — enregistrement…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="692" />
      <source>Answers to look at before the form can be completed: {count}.</source>
      <translation>Réponses à revoir avant de pouvoir terminer le formulaire : {count}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="737" />
      <source>Draft saved at {time}</source>
      <translation>Brouillon enregistré à {time}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="744" />
      <source>unexpected error</source>
      <translation>erreur inattendue</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="746" />
      <source>Not saved: {reason}. Trying again…</source>
      <translation>Non enregistré : {reason}. Nouvel essai…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="757" />
      <source>Saving the form…</source>
      <translation>Enregistrement du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="823" />
      <source>Some values are unusual:</source>
      <translation>Certaines valeurs sont inhabituelles :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="829" />
      <source>This form is signed: once completed it can no longer be changed (a mistake is then fixed with a correction, signed again).</source>
      <translation>Ce formulaire est signé : une fois terminé, il ne pourra plus être modifié (une erreur se répare alors par une correction, signée à nouveau).</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="839" />
      <source>Complete the form</source>
      <translation>Terminer le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="842" />
      <source>Complete and lock</source>
      <translation>Terminer et verrouiller</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="842" />
      <source>Complete anyway</source>
      <translation>Terminer quand même</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="845" />
      <source>Go back</source>
      <translation>Revenir</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="877" />
      <source>Signed and stored.</source>
      <translation>Signé et enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="877" />
      <source>Completed and stored.</source>
      <translation>Terminé et enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="894" />
      <source>Storing the form…</source>
      <translation>Enregistrement du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="913" />
      <source>Correct the form</source>
      <translation>Corriger le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="914" />
      <source>The form stays as it was; a new version is made that refers to it. Signatures are not copied: the new version is signed again.</source>
      <translation>Le formulaire reste tel qu’il était ; une nouvelle version est créée, qui y renvoie. Les signatures ne sont pas recopiées : la nouvelle version est signée à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="918" />
      <source>Make the correction</source>
      <translation>Faire la correction</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="922" />
      <source>&amp;Why is it corrected?</source>
      <translation>&amp;Pourquoi le corriger ?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="923" />
      <source>For example: wrong date of birth written.</source>
      <translation>Par exemple : mauvaise date de naissance inscrite.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="936" />
      <source>Say why the form is corrected.</source>
      <translation>Dites pourquoi le formulaire est corrigé.</translation>
    </message>
  </context>
  <context>
    <name>FormsDesk</name>
    <message>
      <location filename="../../ui/forms_gateway.py" line="114" />
      <source>Opening the form…</source>
      <translation>Ouverture du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="133" />
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="133" />
      <source>There is nothing to print for this.</source>
      <translation>Il n’y a rien à imprimer pour cela.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="186" />
      <source>Starting the form…</source>
      <translation>Création du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="340" />
      <source>{title} (blank)</source>
      <translation>{title} (vierge)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="418" />
      <source>Preparing form {n} of {total}…</source>
      <translation>Préparation du formulaire {n} sur {total}…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="431" />
      <source>Putting the pages together…</source>
      <translation>Assemblage des pages…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="438" />
      <source>Blank forms ({count})</source>
      <translation>Formulaires vierges ({count})</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="530" />
      <source>Appointments of {day}</source>
      <translation>Rendez-vous du {day}</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="534" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="534" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="534" />
      <source>Provider</source>
      <translation>Soignant</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="534" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="534" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="540" />
      <source>No appointments.</source>
      <translation>Aucun rendez-vous.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="550" />
      <source>Day list</source>
      <translation>Liste du jour</translation>
    </message>
  </context>
  <context>
    <name>PrintPreview</name>
    <message>
      <location filename="../../ui/print_preview.py" line="65" />
      <source>This installation of Outpost cannot show PDFs (pypdfium2 is missing).</source>
      <translation>Cette installation d’Outpost ne peut pas afficher les PDF (pypdfium2 manque).</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="133" />
      <source>The printer could not be started.</source>
      <translation>L’imprimante n’a pas pu être démarrée.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="142" />
      <source>Printing page {page} of {pages}…</source>
      <translation>Impression de la page {page} sur {pages}…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="164" />
      <source>Page {page}</source>
      <translation>Page {page}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="212" />
      <source>Print preview — {title}</source>
      <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="233" />
      <source>Previous page</source>
      <translation>Page précédente</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="234" />
      <source>Previous page (Page Up)</source>
      <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="238" />
      <source>Next page</source>
      <translation>Page suivante</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="239" />
      <source>Next page (Page Down)</source>
      <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="242" />
      <source>Page number</source>
      <translation>Numéro de page</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="247" />
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="248" />
      <source>Fit width</source>
      <translation>Pleine largeur</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="249" />
      <source>Whole page</source>
      <translation>Page entière</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="254" />
      <source>Paper size</source>
      <translation>Format du papier</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="260" />
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="269" />
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="276" />
      <source>&amp;Zoom:</source>
      <translation>&amp;Zoom :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="281" />
      <source>P&amp;aper:</source>
      <translation>P&amp;apier :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="285" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="301" />
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="308" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="311" />
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="313" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="354" />
      <location filename="../../ui/print_preview.py" line="372" />
      <source>Preparing the pages…</source>
      <translation>Préparation des pages…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="368" />
      <source>The pages could not be prepared.</source>
      <translation>Les pages n’ont pas pu être préparées.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="396" />
      <source>of {pages}</source>
      <translation>sur {pages}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="397" />
      <source>Pages: {count}</source>
      <translation>Pages : {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="535" />
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="553" />
      <location filename="../../ui/print_preview.py" line="563" />
      <source>Printing…</source>
      <translation>Impression…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="559" />
      <source>Pages sent to the printer: {count}</source>
      <translation>Pages envoyées à l’imprimante : {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="579" />
      <location filename="../../ui/print_preview.py" line="597" />
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="580" />
      <source>The PDF file is not encrypted.</source>
      <translation>Le fichier PDF n’est pas chiffré.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="582" />
      <source>Anyone who opens the file can read the patient's information in it. Save it only where it must go, and delete it once it is no longer needed.</source>
      <translation>Toute personne qui ouvre le fichier peut lire les informations du patient. Enregistrez-le seulement là où il doit aller, et supprimez-le dès qu’il n’est plus utile.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="587" />
      <source>Save the PDF</source>
      <translation>Enregistrer le PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="588" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="599" />
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="621" />
      <source>Saved as {path}</source>
      <translation>Enregistré sous {path}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="625" />
      <source>Saving the PDF…</source>
      <translation>Enregistrement du PDF…</translation>
    </message>
  </context>
  <context>
    <name>SignaturePad</name>
    <message>
      <location filename="../../ui/signature_pad.py" line="160" />
      <source>Signature pad</source>
      <translation>Zone de signature</translation>
    </message>
    <message>
      <location filename="../../ui/signature_pad.py" line="162" />
      <source>Sign here with the mouse, a finger or a pen. Clear starts again.</source>
      <translation>Signez ici avec la souris, un doigt ou un stylet. Effacer pour recommencer.</translation>
    </message>
    <message>
      <location filename="../../ui/signature_pad.py" line="345" />
      <source>Sign here</source>
      <translation>Signez ici</translation>
    </message>
  </context>
</TS>
