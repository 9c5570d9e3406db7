<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>AppointmentActions</name>
    <message>
      <location filename="../../ui/appointment_actions.py" line="33" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="37" />
      <source>Cancel appointment</source>
      <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="40" />
      <source>Cancel the appointment</source>
      <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="41" />
      <source>Keep it</source>
      <translation>Le garder</translation>
    </message>
  </context>
  <context>
    <name>Attention</name>
    <message>
      <location filename="../../ui/attention_page.py" line="54" />
      <source>Safety-critical value differs</source>
      <translation>Valeur critique pour la sécurité différente</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="55" />
      <source>Edited on one laptop, removed on another</source>
      <translation>Modifié sur un ordinateur, supprimé sur un autre</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="56" />
      <source>Edit of a form signed here</source>
      <translation>Modification d’un formulaire signé ici</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="57" />
      <source>Change to a record that never changes</source>
      <translation>Modification d’un enregistrement qui ne change jamais</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="58" />
      <source>Maybe one person registered twice</source>
      <translation>Peut-être une même personne enregistrée deux fois</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="59" />
      <source>Provider booked twice at one time</source>
      <translation>Soignant réservé deux fois à la même heure</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="60" />
      <source>Change this laptop could not take</source>
      <translation>Modification que cet ordinateur n’a pas pu appliquer</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="61" />
      <source>Account changed without an administrator's signature</source>
      <translation>Compte modifié sans la signature d’un administrateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="62" />
      <source>Edited on two laptops</source>
      <translation>Modifié sur deux ordinateurs</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="63" />
      <source>Invoice lines changed after it was issued</source>
      <translation>Lignes de facture modifiées après l’émission</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="64" />
      <source>Void invoice with money on it</source>
      <translation>Facture annulée portant de l’argent</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="65" />
      <source>Invoice paid more than its total</source>
      <translation>Facture payée au-delà de son total</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="66" />
      <source>Invoice claimed twice</source>
      <translation>Facture ayant deux demandes de remboursement</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="67" />
      <source>Scheme payment without a paid claim</source>
      <translation>Paiement du régime sans demande de remboursement payée</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="68" />
      <source>Two records merged into each other</source>
      <translation>Deux dossiers fusionnés l’un dans l’autre</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="69" />
      <source>Form signed under a merged record</source>
      <translation>Formulaire signé sous un dossier fusionné</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="76" />
      <source>This value matters for the patient's safety, and the two laptops hold different values. Neither was applied silently: choose the right one.</source>
      <translation>Cette valeur compte pour la sécurité du patient, et les deux ordinateurs ont des valeurs différentes. Aucune n’a été appliquée sans vous : choisissez la bonne.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="80" />
      <source>The record was edited on one laptop and removed on another. Keep it removed, or take the edit.</source>
      <translation>Le dossier a été modifié sur un ordinateur et supprimé sur un autre. Laissez-le supprimé, ou retenez la modification.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="84" />
      <source>Another laptop edited a form that is signed here. A signed form never changes: the edit was not applied. Record a correction if the form is wrong.</source>
      <translation>Un autre ordinateur a modifié un formulaire signé ici. Un formulaire signé ne change jamais : la modification n’a pas été appliquée. Enregistrez une correction si le formulaire est erroné.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="88" />
      <source>Another laptop changed a record of the trail, which never changes; the change was not applied.</source>
      <translation>Un autre ordinateur a modifié un enregistrement de l’historique, qui ne change jamais ; la modification n’a pas été appliquée.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="92" />
      <source>The same name, with the same date of birth or phone, was registered on two laptops. If it is one person, merge the two records into one; if not, keep both.</source>
      <translation>Le même nom, avec la même date de naissance ou le même téléphone, a été enregistré sur deux ordinateurs. S’il s’agit d’une seule personne, fusionnez les deux dossiers en un seul ; sinon, conservez les deux.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="96" />
      <source>Each laptop booked this provider for the same time without knowing of the other booking. Move one of the two appointments, or keep both.</source>
      <translation>Chaque ordinateur a réservé ce soignant à la même heure sans connaître l’autre réservation. Déplacez l’un des deux rendez-vous, ou conservez les deux.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="100" />
      <source>A change from another laptop could not be applied here; it is kept on this list so it is not lost from sight.</source>
      <translation>Une modification venant d’un autre ordinateur n’a pas pu être appliquée ici ; elle reste sur cette liste pour ne pas être perdue de vue.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="104" />
      <source>An account was changed on another laptop without an administrator's signature. An administrator approves or refuses the change.</source>
      <translation>Un compte a été modifié sur un autre ordinateur sans la signature d’un administrateur. Un administrateur approuve ou refuse la modification.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="108" />
      <source>Two laptops each merged these records, one into the other. Every laptop kept the same one, with all the records of both: check it is right.</source>
      <translation>Deux ordinateurs ont chacun fusionné ces dossiers, l’un dans l’autre. Chaque ordinateur a conservé le même, avec tous les éléments des deux : vérifiez qu’il est correct.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="112" />
      <source>This form was signed on this laptop under a record another laptop merged meanwhile. A signed form never changes, so it stays with the merged record: look at it from the kept record, and record a correction if needed.</source>
      <translation>Ce formulaire a été signé sur cet ordinateur sous un dossier qu’un autre ordinateur a fusionné entre-temps. Un formulaire signé ne change jamais : il reste donc avec le dossier fusionné. Consultez-le depuis le dossier conservé, et enregistrez une correction si nécessaire.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="123" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="124" />
      <source>Appointment</source>
      <translation>Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="125" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="126" />
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="134" />
      <source>answer “{name}”</source>
      <translation>réponse « {name} »</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="145" />
      <source>Another laptop</source>
      <translation>Un autre ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="146" />
      <source>Another laptop, {when}</source>
      <translation>Un autre ordinateur, {when}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="148" />
      <source>{who}, on another laptop</source>
      <translation>{who}, sur un autre ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="149" />
      <source>{who}, on another laptop, {when}</source>
      <translation>{who}, sur un autre ordinateur, {when}</translation>
    </message>
  </context>
  <context>
    <name>AttentionCompare</name>
    <message>
      <location filename="../../ui/attention_compare.py" line="69" />
      <source>Needs attention: {what}</source>
      <translation>À examiner : {what}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="93" />
      <source>&amp;Back to the list</source>
      <translation>&amp;Retour à la liste</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="104" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="140" />
      <source>This laptop (mine)</source>
      <translation>Cet ordinateur (le mien)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="140" />
      <source>The other laptop (theirs)</source>
      <translation>L’autre ordinateur (le leur)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="142" />
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="143" />
      <source>someone not known on this laptop</source>
      <translation>une personne inconnue sur cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="145" />
      <source>Changed by</source>
      <translation>Modifié par</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="149" />
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="150" />
      <location filename="../../ui/attention_compare.py" line="151" />
      <location filename="../../ui/attention_compare.py" line="220" />
      <source>not known</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="154" />
      <source>In the record now</source>
      <translation>Dans le dossier maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="160" />
      <source>&amp;Approve the change</source>
      <translation>&amp;Approuver la modification</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="161" />
      <source>Re&amp;fuse the change</source>
      <translation>Re&amp;fuser la modification</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="163" />
      <source>Mark as &amp;seen</source>
      <translation>Marquer comme &amp;vu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="165" />
      <source>Keep &amp;mine (this laptop's)</source>
      <translation>Garder la &amp;mienne (celle de cet ordinateur)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="168" />
      <source>Keep &amp;theirs (the other laptop's)</source>
      <translation>Garder la &amp;leur (celle de l’autre ordinateur)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="173" />
      <source>Registered on this laptop</source>
      <translation>Enregistré sur cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="173" />
      <source>Arrived from another laptop</source>
      <translation>Arrivé d’un autre ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="176" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="177" />
      <source>Clinic no.</source>
      <translation>N° de dossier</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="178" />
      <source>Sex</source>
      <translation>Sexe</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="180" />
      <source>Born</source>
      <translation>Naissance</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="184" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="185" />
      <source>Village</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="186" />
      <source>National ID</source>
      <translation>N° d’identité</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="187" />
      <source>Registered</source>
      <translation>Enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="188" />
      <source>Appointments</source>
      <translation>Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="189" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="201" />
      <source>&amp;Merge: keep the record of this laptop</source>
      <translation>&amp;Fusionner : garder le dossier de cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="206" />
      <source>Merge: keep the record that &amp;arrived</source>
      <translation>Fusionner : garder le dossier &amp;arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="209" />
      <source>&amp;Keep both (two different people)</source>
      <translation>&amp;Conserver les deux (deux personnes différentes)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="219" />
      <source>Booked on this laptop</source>
      <translation>Pris sur cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="219" />
      <source>Booked on another laptop</source>
      <translation>Pris sur un autre ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="222" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="223" />
      <source>Provider</source>
      <translation>Soignant</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="224" />
      <source>From</source>
      <translation>De</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="225" />
      <source>To</source>
      <translation>À</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="226" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="227" />
      <source>Booked by</source>
      <translation>Pris par</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="236" />
      <source>&amp;Rebook the one booked here…</source>
      <translation>&amp;Déplacer celui pris ici…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="241" />
      <source>Rebook the one from the &amp;other laptop…</source>
      <translation>Déplacer celui de l’&amp;autre ordinateur…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="244" />
      <source>&amp;Keep both</source>
      <translation>&amp;Conserver les deux</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="274" />
      <source>{when}, by {who}</source>
      <translation>{when}, par {who}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="279" />
      <source>{n} ({signed} signed)</source>
      <translation>{n} (dont {signed} signés)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="284" />
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="286" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="288" />
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="319" />
      <source>same</source>
      <translation>identique</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="367" />
      <source>Keeping this laptop's value…</source>
      <translation>Conservation de la valeur de cet ordinateur…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="374" />
      <source>Taking the other laptop's value…</source>
      <translation>Reprise de la valeur de l’autre ordinateur…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="379" />
      <source>Keeping both…</source>
      <translation>Conservation des deux…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="383" />
      <source>Merge the two records into the one of {survivor} ({number})?

Every appointment and form of the other record moves to it; the other record is removed and points at the one kept. Every laptop makes the same merge at its next sync. This cannot be undone from this screen.</source>
      <translation>Fusionner les deux dossiers dans celui de {survivor} ({number}) ?

Tous les rendez-vous et formulaires de l’autre dossier y sont transférés ; l’autre dossier est supprimé et renvoie à celui qui est conservé. Chaque ordinateur fait la même fusion à sa prochaine synchronisation. Cette opération ne peut pas être annulée depuis cet écran.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="391" />
      <source>Merge two records</source>
      <translation>Fusionner deux dossiers</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="394" />
      <source>Merging…</source>
      <translation>Fusion en cours…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="396" />
      <source>Merge</source>
      <translation>Fusionner</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="397" />
      <source>Don't merge</source>
      <translation>Ne pas fusionner</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="417" />
      <source>Settling the double booking…</source>
      <translation>Règlement de la double réservation…</translation>
    </message>
  </context>
  <context>
    <name>AttentionPage</name>
    <message>
      <location filename="../../ui/attention_page.py" line="166" />
      <location filename="../../ui/attention_page.py" line="212" />
      <source>Needs attention</source>
      <translation>À examiner</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="170" />
      <source>What sync could not settle alone. Open an item to compare the two laptops' values side by side and choose; the choice is recorded and reaches every laptop at the next sync.</source>
      <translation>Ce que la synchronisation n’a pas pu régler seule. Ouvrez un élément pour comparer côte à côte les valeurs des deux ordinateurs et choisir ; le choix est enregistré et parvient à chaque ordinateur à la prochaine synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="183" />
      <source>Items needing attention</source>
      <translation>Éléments à examiner</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>Record</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>Noted</source>
      <translation>Relevé le</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>From</source>
      <translation>Provenance</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="204" />
      <source>&amp;Open and compare…</source>
      <translation>&amp;Ouvrir et comparer…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="208" />
      <source>&amp;Refresh</source>
      <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="209" />
      <source>&amp;Close</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="232" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="276" />
      <source>Nothing needs attention. ✓</source>
      <translation>Rien à examiner. ✓</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="278" />
      <source>1 item waits for a decision.</source>
      <translation>1 élément attend une décision.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="280" />
      <source>{n} items wait for a decision.</source>
      <translation>{n} éléments attendent une décision.</translation>
    </message>
  </context>
  <context>
    <name>BackupPanel</name>
    <message>
      <location filename="../../ui/backup_panel.py" line="146" />
      <source>Ba&amp;ck up now…</source>
      <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="148" />
      <source>&amp;Restore from a backup…</source>
      <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="153" />
      <source>Backup and restore</source>
      <translation>Sauvegarde et restauration</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="156" />
      <source>A backup is one encrypted file: it opens only with a password of this clinic (as it was when the backup was made) or the recovery key. Keep one on a USB stick, away from the laptop.</source>
      <translation>Une sauvegarde est un seul fichier chiffré : elle ne s’ouvre qu’avec un mot de passe de ce centre (tel qu’il était au moment de la sauvegarde) ou avec la clé de récupération. Gardez-en une sur une clé USB, loin de l’ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="169" />
      <source>Extra backup folders</source>
      <translation>Dossiers de sauvegarde supplémentaires</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="173" />
      <source> backups</source>
      <translation> sauvegardes</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="179" />
      <source>Add a &amp;folder…</source>
      <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="180" />
      <source>Re&amp;move</source>
      <translation>Re&amp;tirer</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="181" />
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="182" />
      <source>Automatic backups (when Outpost closes, and daily)</source>
      <translation>Sauvegardes automatiques (à la fermeture d’Outpost, et chaque jour)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="185" />
      <source>They always go to the data folder's backups; add a second place (a USB stick, another disk) so a lost or broken laptop does not take the backups with it.</source>
      <translation>Elles vont toujours dans le dossier des sauvegardes des données ; ajoutez un second emplacement (clé USB, autre disque) pour qu’un ordinateur perdu ou en panne n’emporte pas les sauvegardes avec lui.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="193" />
      <source>E&amp;xtra folders:</source>
      <translation>Dossiers &amp;supplémentaires :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="197" />
      <source>&amp;Keep the last:</source>
      <translation>&amp;Conserver les dernières :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="248" />
      <source>Last automatic backup: {when}.</source>
      <translation>Dernière sauvegarde automatique : {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="253" />
      <source>No automatic backup has been made yet.</source>
      <translation>Aucune sauvegarde automatique n’a encore été faite.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="256" />
      <source>⚠ The automatic backup of {when} failed: {why}</source>
      <translation>⚠ La sauvegarde automatique du {when} a échoué : {why}</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="273" />
      <source>Choose a backup folder</source>
      <translation>Choisir un dossier de sauvegarde</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="292" />
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="309" />
      <source>Where should the backup go?</source>
      <translation>Où enregistrer la sauvegarde ?</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="332" />
      <source>Backup written and checked: {path} ({size}).</source>
      <translation>Sauvegarde écrite et vérifiée : {path} ({size}).</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="337" />
      <source>Backup</source>
      <translation>Sauvegarde</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="342" />
      <source>Making the backup…</source>
      <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="352" />
      <source>Choose the backup to restore</source>
      <translation>Choisir la sauvegarde à restaurer</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="355" />
      <source>Outpost backups (*.outpost-backup)</source>
      <translation>Sauvegardes Outpost (*.outpost-backup)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="355" />
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="373" />
      <source>Checking the backup…</source>
      <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="386" />
      <source>It was made on {when} by {clinic}.</source>
      <translation>Elle a été faite le {when} par {clinic}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="390" />
      <source>Restoring replaces all the clinic's records on this laptop with those in
{path}.
The records it replaces are kept aside, not deleted. Everyone is signed out. Accounts disabled here stay disabled.

Give your own password again: only an administrator of this clinic may restore.</source>
      <translation>La restauration remplace tous les dossiers du centre sur cet ordinateur par ceux de
{path}.
Les dossiers remplacés sont mis de côté, pas supprimés. Tout le monde est déconnecté. Les comptes désactivés ici restent désactivés.

Indiquez à nouveau votre propre mot de passe : seul un administrateur de ce centre peut restaurer.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="397" />
      <source>⚠ This backup is of another clinic, {clinic}, not of {here}. Type its name below to confirm that it should replace this clinic's records.</source>
      <translation>⚠ Cette sauvegarde est celle d’un autre centre, {clinic}, et non de {here}. Saisissez son nom ci-dessous pour confirmer qu’elle doit remplacer les dossiers de ce centre.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="402" />
      <source>This clinic's key does not open the backup (it is of another store, or the key was changed since): give also your password as it was when the backup was made, or the recovery key printed for it.</source>
      <translation>La clé de ce centre n’ouvre pas la sauvegarde (elle vient d’autres données, ou la clé a été changée depuis) : indiquez aussi votre mot de passe tel qu’il était lors de la sauvegarde, ou la clé de récupération imprimée pour elle.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="410" />
      <location filename="../../ui/backup_panel.py" line="470" />
      <source>Restore a backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="412" />
      <location filename="../../ui/backup_panel.py" line="476" />
      <source>Restore</source>
      <translation>Restaurer</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="416" />
      <source>Your &amp;password ({username}):</source>
      <translation>Votre &amp;mot de passe ({username}) :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="420" />
      <source>Password &amp;then:</source>
      <translation>Mot de passe d’&amp;alors :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="421" />
      <source>or the backup's &amp;recovery key:</source>
      <translation>ou la clé de &amp;récupération de la sauvegarde :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="423" />
      <source>&amp;Clinic of the backup:</source>
      <translation>&amp;Centre de la sauvegarde :</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="428" />
      <source>Give your password.</source>
      <translation>Indiquez votre mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="432" />
      <source>Give the password as it was then, or the backup's recovery key.</source>
      <translation>Indiquez le mot de passe tel qu’il était alors, ou la clé de récupération de la sauvegarde.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="438" />
      <source>Type the name of the backup's clinic: {clinic}.</source>
      <translation>Saisissez le nom du centre de la sauvegarde : {clinic}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="471" />
      <source>Replace the clinic's records with the backup now? Unsaved work in open windows will be lost.</source>
      <translation>Remplacer maintenant les dossiers du centre par la sauvegarde ? Le travail non enregistré dans les fenêtres ouvertes sera perdu.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="477" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>&amp;Add a folder…</source>
      <translation type="vanished">&amp;Ajouter un dossier…</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation type="vanished">&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation type="vanished">&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation type="vanished">&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
      <source>Give the password, or the recovery key.</source>
      <translation type="vanished">Indiquez le mot de passe ou la clé de récupération.</translation>
    </message>
    <message>
      <source>Restoring replaces all the clinic's records on this laptop with those in
{path}.
The records it replaces are kept aside, not deleted. Everyone is signed out.

Open the backup with a user name and password as they were when it was made, or with the recovery key.</source>
      <translation type="vanished">La restauration remplace tous les dossiers du centre sur cet ordinateur par ceux de
{path}.
Les dossiers remplacés sont mis de côté, pas supprimés. Tout le monde est déconnecté.

Ouvrez la sauvegarde avec un nom d’utilisateur et un mot de passe tels qu’ils étaient lors de la sauvegarde, ou avec la clé de récupération.</translation>
    </message>
    <message>
      <source>or &amp;recovery key:</source>
      <translation type="vanished">ou &amp;clé de récupération :</translation>
    </message>
  </context>
  <context>
    <name>BillingTab</name>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="48" />
      <source>Ne&amp;w invoice…</source>
      <translation>&amp;Nouvelle facture…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="50" />
      <source>A draft invoice for this patient's visit</source>
      <translation>Une facture brouillon pour la consultation de ce patient</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="70" />
      <source>B&amp;illing</source>
      <translation>Fac&amp;turation</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="74" />
      <source>Invoice</source>
      <translation>Facture</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="75" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="76" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="77" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="78" />
      <source>Paid</source>
      <translation>Payé</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="79" />
      <source>Owed</source>
      <translation>Reste dû</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="80" />
      <source>Claims</source>
      <translation>Demandes de remboursement</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="103" />
      <source>No invoices for this patient.</source>
      <translation>Aucune facture pour ce patient.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="113" />
      <source>(draft)</source>
      <translation>(brouillon)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="122" />
      <source>credit {amount}</source>
      <translation>trop-perçu {amount}</translation>
    </message>
  </context>
  <context>
    <name>BookingDialog</name>
    <message>
      <location filename="../../ui/booking_dialog.py" line="86" />
      <source>Book an appointment</source>
      <translation>Prendre un rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="87" />
      <source>Book a follow-up</source>
      <translation>Prendre un rendez-vous de suivi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="88" />
      <source>Move an appointment</source>
      <translation>Déplacer un rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="98" />
      <source>Name, phone, ID or date of birth</source>
      <translation>Nom, téléphone, identifiant ou date de naissance</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="101" />
      <source>Patients found</source>
      <translation>Patients trouvés</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="110" />
      <source>Choose the type of visit…</source>
      <translation>Choisir le type de visite…</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="120" />
      <source>HH:MM</source>
      <translation>HH:MM</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="151" />
      <source>Follow-up</source>
      <translation>Suivi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="155" />
      <source>&amp;Patient:</source>
      <translation>&amp;Patient :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="166" />
      <source>Patient:</source>
      <translation>Patient :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="167" />
      <source>Pro&amp;vider:</source>
      <translation>&amp;Soignant :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="168" />
      <source>&amp;Type:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="172" />
      <source>at</source>
      <translation>à</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="174" />
      <source>Ne&amp;xt free</source>
      <translation>Prochain horaire &amp;libre</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="178" />
      <source>The provider's next free times for this type, from the chosen day</source>
      <translation>Les prochains horaires libres du soignant pour ce type, à partir du jour choisi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="182" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="183" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="184" />
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="187" />
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="196" />
      <source>&amp;Move</source>
      <translation>&amp;Déplacer</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="196" />
      <source>&amp;Book</source>
      <translation>&amp;Réserver</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="201" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="302" />
      <source>{name} ({minutes} min)</source>
      <translation>{name} ({minutes} min)</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="314" />
      <source>There are no providers or appointment types yet. An administrator adds them in Settings → Clinic.</source>
      <translation>Il n’y a encore ni soignant ni type de rendez-vous. Un administrateur les ajoute dans Réglages → Centre de santé.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="343" />
      <source>Booking for: {name}</source>
      <translation>Rendez-vous pour : {name}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="406" />
      <source>Choose the patient first.</source>
      <translation>Choisissez d’abord le patient.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="411" />
      <location filename="../../ui/booking_dialog.py" line="512" />
      <source>Choose the type of visit.</source>
      <translation>Choisissez le type de visite.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="457" />
      <source>Booking…</source>
      <translation>Réservation…</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="498" />
      <source>Another appointment that day</source>
      <translation>Un autre rendez-vous ce jour-là</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="499" />
      <source>Book this one as well?</source>
      <translation>Prendre aussi ce rendez-vous ?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="501" />
      <source>Book as well</source>
      <translation>Réserver aussi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="502" />
      <source>Go back</source>
      <translation>Revenir</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="525" />
      <source>{provider} has no free time for this type in the next two weeks.</source>
      <translation>{provider} n’a aucun horaire libre pour ce type dans les deux prochaines semaines.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="545" />
      <source>{date} {time}</source>
      <translation>{date} {time}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="549" />
      <source>Choose this time</source>
      <translation>Choisir cet horaire</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="550" />
      <source>Free at {time}</source>
      <translation>Libre à {time}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="569" />
      <source>Discard this booking?</source>
      <translation>Abandonner ce rendez-vous ?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="570" />
      <source>The appointment has not been booked. Close anyway?</source>
      <translation>Le rendez-vous n’a pas été enregistré. Fermer quand même ?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="572" />
      <source>Discard</source>
      <translation>Abandonner</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="573" />
      <source>Keep editing</source>
      <translation>Continuer la saisie</translation>
    </message>
  </context>
  <context>
    <name>CalendarView</name>
    <message>
      <location filename="../../ui/calendar_view.py" line="87" />
      <source>D&amp;ay</source>
      <translation>&amp;Jour</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="88" />
      <source>&amp;Week</source>
      <translation>&amp;Semaine</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="97" />
      <location filename="../../ui/calendar_view.py" line="99" />
      <source>Previous</source>
      <translation>Précédent</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="101" />
      <source>&amp;Today</source>
      <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="104" />
      <location filename="../../ui/calendar_view.py" line="106" />
      <source>Next</source>
      <translation>Suivant</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="111" />
      <source>Go to date</source>
      <translation>Aller à la date</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="122" />
      <source>Appointment calendar</source>
      <translation>Agenda des rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="134" />
      <source>&amp;Book here…</source>
      <translation>&amp;Réserver ici…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="136" />
      <source>Book an appointment (Ctrl+B)</source>
      <translation>Prendre un rendez-vous (Ctrl+B)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="138" />
      <source>&amp;Move…</source>
      <translation>&amp;Déplacer…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="139" />
      <source>&amp;Cancel appointment…</source>
      <translation>A&amp;nnuler le rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="140" />
      <source>Book &amp;follow-up…</source>
      <translation>Rendez-vous de &amp;suivi…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="141" />
      <source>&amp;Open patient</source>
      <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="145" />
      <source>grey: not working</source>
      <translation>gris : hors horaires</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="159" />
      <source>Pro&amp;vider:</source>
      <translation>&amp;Soignant :</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="257" />
      <source>All providers</source>
      <translation>Tous les soignants</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="283" />
      <source>{day} · Today</source>
      <translation>{day} · Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="311" />
      <source>Week of {date}</source>
      <translation>Semaine du {date}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="315" />
      <source>Today, {date}</source>
      <translation>Aujourd’hui, {date}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="338" />
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="349" />
      <source>Not working</source>
      <translation>Hors horaires</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="402" />
      <source>{start}–{end} {patient} ({type}), {status}</source>
      <translation>{start}–{end} {patient} ({type}), {status}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="480" />
      <source>Cancel {patient}'s appointment of {when}?</source>
      <translation>Annuler le rendez-vous de {patient} du {when} ?</translation>
    </message>
    <message>
      <source>Cancel appointment</source>
      <translation type="vanished">Annuler le rendez-vous</translation>
    </message>
    <message>
      <source>Cancel the appointment</source>
      <translation type="vanished">Annuler le rendez-vous</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="vanished">Annulation…</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation type="vanished">Le garder</translation>
    </message>
  </context>
  <context>
    <name>CarePlanScreen</name>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="79" />
      <source>Problems</source>
      <translation>Problèmes</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="80" />
      <source>Goals</source>
      <translation>Objectifs</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="81" />
      <source>Tasks</source>
      <translation>Tâches</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="82" />
      <source>Follow-ups</source>
      <translation>Suivis</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="88" />
      <source>Problem</source>
      <translation>Problème</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="89" />
      <source>Goal</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="90" />
      <source>Task</source>
      <translation>Tâche</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="91" />
      <source>Follow-up</source>
      <translation>Suivi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="99" />
      <source>monthly (30 days)</source>
      <translation>mensuel (30 jours)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="101" />
      <source>weekly</source>
      <translation>hebdomadaire</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="102" />
      <source>every {n} days</source>
      <translation>tous les {n} jours</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="108" />
      <source>{mark} done by {who} on {when}</source>
      <translation>{mark} fait par {who} le {when}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="110" />
      <source>someone</source>
      <translation>quelqu’un</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="114" />
      <location filename="../../ui/care_plan_screen.py" line="365" />
      <source>next due {day}</source>
      <translation>prochaine échéance le {day}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="117" />
      <source>⊘ cancelled</source>
      <translation>⊘ annulé</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="119" />
      <source>{mark} missed</source>
      <translation>{mark} non fait à temps</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="121" />
      <source>due today</source>
      <translation>prévu aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="122" />
      <source>to do</source>
      <translation>à faire</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="171" />
      <source>Care plan</source>
      <translation>Plan de soins</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="174" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="184" />
      <source>The plan's problems, goals, tasks and follow-ups</source>
      <translation>Problèmes, objectifs, tâches et suivis du plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="188" />
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="189" />
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="190" />
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="191" />
      <source>Repeats</source>
      <translation>Répétition</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="192" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="219" />
      <source>&amp;Add an item…</source>
      <translation>&amp;Ajouter un élément…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="222" />
      <source>Check &amp;off</source>
      <translation>&amp;Cocher</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="222" />
      <source>Done now, by you (Space)</source>
      <translation>Fait maintenant, par vous (Espace)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="226" />
      <source>&amp;Untick</source>
      <translation>&amp;Décocher</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="226" />
      <source>Checked off by mistake (Space)</source>
      <translation>Coché par erreur (Espace)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="229" />
      <source>&amp;Edit the item…</source>
      <translation>&amp;Modifier l’élément…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="230" />
      <source>Cancel the ite&amp;m…</source>
      <translation>A&amp;nnuler l’élément…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="232" />
      <source>&amp;Bring back</source>
      <translation>&amp;Rétablir</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="234" />
      <source>Edit the &amp;plan…</source>
      <translation>Modifier le &amp;plan…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="235" />
      <source>Re&amp;viewed…</source>
      <translation>Réé&amp;valuation faite…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="236" />
      <source>The plan was reviewed today: set the next review</source>
      <translation>Le plan a été réévalué aujourd’hui : fixez la prochaine réévaluation</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="237" />
      <source>Comp&amp;lete the plan…</source>
      <translation>&amp;Terminer le plan…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="239" />
      <source>&amp;Reopen the plan…</source>
      <translation>R&amp;ouvrir le plan…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="241" />
      <source>Cancel the pla&amp;n…</source>
      <translation>Ann&amp;uler le plan…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="244" />
      <source>Pr&amp;int the summary…</source>
      <translation>&amp;Imprimer le résumé…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="247" />
      <source>Open the pa&amp;tient's record</source>
      <translation>Ouvrir le dossier du pati&amp;ent</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="249" />
      <source>&amp;Close</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="345" />
      <source>{plan} — care plan of {patient}</source>
      <translation>{plan} — plan de soins de {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="349" />
      <source>Care plan: {patient}</source>
      <translation>Plan de soins : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="360" />
      <source>{n} to do</source>
      <translation>{n} à faire</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="362" />
      <source>({mark} {n} missed)</source>
      <translation>({mark} {n} non faits à temps)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="368" />
      <source>{mark} review due since {day}</source>
      <translation>{mark} réévaluation prévue depuis le {day}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="382" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="383" />
      <source>Led by</source>
      <translation>Dirigé par</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="383" />
      <source>nobody named</source>
      <translation>aucune personne désignée</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="384" />
      <source>Started</source>
      <translation>Commencé</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="387" />
      <source>Next review</source>
      <translation>Prochaine réévaluation</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="388" />
      <source>not set</source>
      <translation>non fixée</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="390" />
      <source>Ended</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="391" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="419" />
      <source>(none yet)</source>
      <translation>(aucun pour l’instant)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="543" />
      <source>Checking off…</source>
      <translation>Marquage comme fait…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="551" />
      <source>Unticking…</source>
      <translation>Retrait de la coche…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="558" />
      <source>Bringing back…</source>
      <translation>Rétablissement…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="563" />
      <source>{what}: {patient}</source>
      <translation>{what} : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="571" />
      <source>New item of the plan</source>
      <translation>Nouvel élément du plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="571" />
      <source>Add to the plan</source>
      <translation>Ajouter au plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="574" />
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="578" />
      <location filename="../../ui/care_plan_screen.py" line="611" />
      <source>&amp;What:</source>
      <translation>&amp;Description :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="579" />
      <source>e.g. Blood pressure check, HbA1c below 7 %, Home visit by the CHW</source>
      <translation>par ex. Contrôle de la tension, HbA1c inférieure à 7 %, Visite à domicile par l’ASC</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="610" />
      <source>Change the item</source>
      <translation>Modifier l’élément</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="610" />
      <location filename="../../ui/care_plan_screen.py" line="659" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="642" />
      <location filename="../../ui/care_plan_screen.py" line="642" />
      <source>Cancel the item</source>
      <translation>Annuler l’élément</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="645" />
      <location filename="../../ui/care_plan_screen.py" line="736" />
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="646" />
      <source>e.g. no longer needed, done elsewhere, entered by mistake</source>
      <translation>par ex. plus nécessaire, fait ailleurs, saisi par erreur</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="659" />
      <source>Change the plan</source>
      <translation>Modifier le plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="660" />
      <location filename="../../ui/care_plan_screen.py" line="945" />
      <source>&amp;For:</source>
      <translation>&amp;Pour :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="663" />
      <location filename="../../ui/care_plan_screen.py" line="949" />
      <source>&amp;Review:</source>
      <translation>&amp;Réévaluation :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="663" />
      <location filename="../../ui/care_plan_screen.py" line="949" />
      <source>Review on</source>
      <translation>Réévaluation le</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="665" />
      <location filename="../../ui/care_plan_screen.py" line="953" />
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="683" />
      <source>Plan reviewed today</source>
      <translation>Plan réévalué aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="683" />
      <source>Save the review</source>
      <translation>Enregistrer la réévaluation</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="685" />
      <source>&amp;Next review on:</source>
      <translation>&amp;Prochaine réévaluation le :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="687" />
      <source>What the review &amp;decided:</source>
      <translation>Ce que la réévaluation a &amp;décidé :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="715" />
      <location filename="../../ui/care_plan_screen.py" line="716" />
      <source>Complete the plan</source>
      <translation>Terminer le plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="718" />
      <source>&amp;Note (optional):</source>
      <translation>&amp;Note (facultatif) :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="719" />
      <source>Its open tasks leave the worklist; they come back if it is reopened.</source>
      <translation>Ses tâches en cours quittent la liste de travail ; elles reviennent si le plan est rouvert.</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="724" />
      <location filename="../../ui/care_plan_screen.py" line="725" />
      <source>Reopen the plan</source>
      <translation>Rouvrir le plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="727" />
      <source>&amp;Why (optional):</source>
      <translation>&amp;Pourquoi (facultatif) :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="728" />
      <source>e.g. the condition came back</source>
      <translation>par ex. l’affection est revenue</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="733" />
      <location filename="../../ui/care_plan_screen.py" line="734" />
      <source>Cancel the plan</source>
      <translation>Annuler le plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="737" />
      <source>e.g. made in error, the patient moved away</source>
      <translation>par ex. créé par erreur, le patient est parti ailleurs</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="842" />
      <source>does not repeat</source>
      <translation>pas de répétition</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="843" />
      <source> days</source>
      <translation> jours</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="845" />
      <source>Every how many days it comes back once done (30 for monthly)</source>
      <translation>Tous les combien de jours il revient une fois fait (30 pour mensuel)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="866" />
      <source>&amp;Led by:</source>
      <translation>&amp;Dirigé par :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="873" />
      <source>&amp;Owner:</source>
      <translation>&amp;Responsable :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="877" />
      <source>A user of the clinic, or type the name of someone else (e.g. a CHW).</source>
      <translation>Un utilisateur du centre, ou tapez le nom d’une autre personne (par ex. un ASC).</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="882" />
      <source>&amp;Due:</source>
      <translation>É&amp;chéance :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="882" />
      <source>Due on</source>
      <translation>Prévu le</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="885" />
      <source>Re&amp;peat every:</source>
      <translation>Ré&amp;péter tous les :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="887" />
      <source>No&amp;te:</source>
      <translation>&amp;Note :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="942" />
      <source>New care plan: {patient}</source>
      <translation>Nouveau plan de soins : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="943" />
      <source>Make the plan</source>
      <translation>Créer le plan</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="945" />
      <source>e.g. Type 2 diabetes, Hypertension</source>
      <translation>par ex. Diabète de type 2, Hypertension</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="947" />
      <source>&amp;Started on:</source>
      <translation>Débu&amp;t le :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="951" />
      <source>&amp;Problems:</source>
      <translation>Pro&amp;blèmes :</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="951" />
      <location filename="../../ui/care_plan_screen.py" line="952" />
      <source>One a line.</source>
      <translation>Un par ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="952" />
      <source>&amp;Goals:</source>
      <translation>&amp;Objectifs :</translation>
    </message>
  </context>
  <context>
    <name>CarePlansTab</name>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="37" />
      <source>Ne&amp;w care plan…</source>
      <translation>&amp;Nouveau plan de soins…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="67" />
      <source>Care pla&amp;ns</source>
      <translation>P&amp;lans de soins</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="71" />
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="72" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="73" />
      <source>Led by</source>
      <translation>Dirigé par</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="74" />
      <source>To do</source>
      <translation>À faire</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="75" />
      <source>Next due</source>
      <translation>Prochaine échéance</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="76" />
      <source>Review</source>
      <translation>Réévaluation</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="86" />
      <source>No care plan for this patient.</source>
      <translation>Aucun plan de soins pour ce patient.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="91" />
      <source>{open} ({missed} missed)</source>
      <translation>{open} ({missed} non faits à temps)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="96" />
      <source>⚠ {date} · due</source>
      <translation>⚠ {date} · à faire</translation>
    </message>
  </context>
  <context>
    <name>ChangedElsewhere</name>
    <message>
      <location filename="../../ui/patient_refresh.py" line="88" />
      <source>R&amp;eload from the record</source>
      <translation>Rec&amp;harger depuis le dossier</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="138" />
      <source>This patient's record was changed on another laptop (a sync brought it).</source>
      <translation>Le dossier de ce patient a été modifié sur un autre ordinateur (une synchronisation l’a apporté).</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="140" />
      <source>This patient's record was changed elsewhere while you edited it.</source>
      <translation>Le dossier de ce patient a été modifié ailleurs pendant que vous le modifiiez.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="145" />
      <source>The fields you had not touched show the new values; what you typed is kept.</source>
      <translation>Les champs que vous n’aviez pas modifiés affichent les nouvelles valeurs ; ce que vous avez saisi est conservé.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="150" />
      <source>The form shows the record as it is now.</source>
      <translation>Le formulaire affiche le dossier tel qu’il est maintenant.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="152" />
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="154" />
      <source>Changed there too: {field}, now “{value}” there; yours is kept.</source>
      <translation>Modifié là-bas aussi : {field}, maintenant « {value} » là-bas ; votre saisie est conservée.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="206" />
      <source>Reload the record?</source>
      <translation>Recharger le dossier ?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="207" />
      <source>What you typed in this form is thrown away, and the form shows the record as it is now.</source>
      <translation>Ce que vous avez saisi dans ce formulaire est abandonné, et le formulaire affiche le dossier tel qu’il est maintenant.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="212" />
      <source>Reload</source>
      <translation>Recharger</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="213" />
      <source>Keep what I typed</source>
      <translation>Garder ma saisie</translation>
    </message>
  </context>
  <context>
    <name>ClaimScreen</name>
    <message>
      <location filename="../../ui/claim_screen.py" line="80" />
      <source>&amp;Submit to the scheme…</source>
      <translation>&amp;Soumettre au régime…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="81" />
      <source>Re&amp;submit…</source>
      <translation>Soumettre à &amp;nouveau…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="82" />
      <source>Record &amp;paid…</source>
      <translation>Enregistrer comme &amp;payée…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="83" />
      <source>Record re&amp;jected…</source>
      <translation>Enregistrer comme re&amp;jetée…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="84" />
      <source>&amp;Withdraw…</source>
      <translation>&amp;Retirer…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="90" />
      <source>(the membership was removed)</source>
      <translation>(l’adhésion a été supprimée)</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="91" />
      <source>member no. {number}</source>
      <translation>adhérent n° {number}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="93" />
      <source>through {holder}</source>
      <translation>par l’intermédiaire de {holder}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="95" />
      <source>valid until {day}</source>
      <translation>valable jusqu’au {day}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="121" />
      <source>Claim</source>
      <translation>Demande de remboursement</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="124" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="142" />
      <source>Print the claim &amp;form…</source>
      <translation>&amp;Imprimer le formulaire de demande…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="144" />
      <source>Open the &amp;invoice</source>
      <translation>Ouvrir la fa&amp;cture</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="147" />
      <source>Clos&amp;e</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="203" />
      <source>a scheme</source>
      <translation>un régime</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="205" />
      <source>Claim to {scheme}: {patient}</source>
      <translation>Demande de remboursement à {scheme} : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="207" />
      <source>Claim: {patient}</source>
      <translation>Demande de remboursement : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="211" />
      <source>rejected because: {why}</source>
      <translation>rejetée pour le motif : {why}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="226" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="229" />
      <source>Membership</source>
      <translation>Adhésion</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="232" />
      <source>Invoice</source>
      <translation>Facture</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="233" />
      <source>{number}: total {total}, still owed {owed}</source>
      <translation>{number} : total {total}, reste dû {owed}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="234" />
      <source>(draft)</source>
      <translation>(brouillon)</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="241" />
      <source>Diagnoses</source>
      <translation>Diagnostics</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="242" />
      <source>none yet: code one on the invoice before submitting</source>
      <translation>aucun pour l’instant : codez-en un sur la facture avant de soumettre</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="244" />
      <source>Claimed</source>
      <translation>Montant demandé</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="245" />
      <source>Drafted</source>
      <translation>Rédigée</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="248" />
      <source>Submitted</source>
      <translation>Soumise</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="255" />
      <source>Decided</source>
      <translation>Décision</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="256" />
      <source>Paid by the scheme</source>
      <translation>Payé par le régime</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="257" />
      <source>Rejected because</source>
      <translation>Motif du rejet</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="258" />
      <source>The scheme's reference</source>
      <translation>Référence du régime</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="259" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="295" />
      <source>Withdraw the claim</source>
      <translation>Retirer la demande</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="296" />
      <source>Withdraw the claim of {amount} to {scheme}? It cannot be taken up again.</source>
      <translation>Retirer la demande de {amount} auprès de {scheme} ? Elle ne pourra pas être reprise.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="306" />
      <source>{step}: {patient}</source>
      <translation>{step} : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="309" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="316" />
      <location filename="../../ui/claim_screen.py" line="471" />
      <source>&amp;Amount claimed:</source>
      <translation>&amp;Montant demandé :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="318" />
      <source>Corrected if the scheme asked for it.</source>
      <translation>Corrigé si le régime l’a demandé.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="320" />
      <source>&amp;Submitted on:</source>
      <translation>&amp;Soumise le :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="332" />
      <source>&amp;Amount the scheme paid:</source>
      <translation>&amp;Montant payé par le régime :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="334" />
      <source>In {currency}: recorded as the scheme's payment on the invoice.</source>
      <translation>En {currency} : enregistré comme paiement du régime sur la facture.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="338" />
      <source>The scheme's &amp;reference:</source>
      <translation>&amp;Référence du régime :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="339" />
      <source>Paid &amp;on:</source>
      <translation>&amp;Payée le :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="353" />
      <source>&amp;Why the scheme rejected it:</source>
      <translation>&amp;Pourquoi le régime l’a rejetée :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="354" />
      <source>What to correct before resubmitting.</source>
      <translation>Ce qu’il faut corriger avant de soumettre à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="356" />
      <source>Rejected &amp;on:</source>
      <translation>Rejetée &amp;le :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="434" />
      <source>Make a claim</source>
      <translation>Faire une demande de remboursement</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="435" />
      <source>{patient} has no membership of a scheme: add one on the record's Coverage tab first.</source>
      <translation>{patient} n’est adhérent d’aucun régime : ajoutez d’abord une adhésion dans l’onglet Couverture du dossier.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="460" />
      <source>Claim for invoice {number}</source>
      <translation>Demande de remboursement pour la facture {number}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="461" />
      <source>Draft the claim</source>
      <translation>Rédiger la demande</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="465" />
      <source>&amp;Through:</source>
      <translation>&amp;Via :</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="473" />
      <source>In {currency}. Still owed on the invoice: {owed}.</source>
      <translation>En {currency}. Reste dû sur la facture : {owed}.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="477" />
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
  </context>
  <context>
    <name>ClinicPanel</name>
    <message>
      <location filename="../../ui/clinic_admin.py" line="84" />
      <source>Starts every new clinic number: KHP in KHP-QX0042.</source>
      <translation>Début de chaque nouveau n° de dossier : KHP dans KHP-QX0042.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="88" />
      <source>2 to 5 capital letters or digits, starting with a letter.</source>
      <translation>2 à 5 majuscules ou chiffres, en commençant par une lettre.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="99" />
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="100" />
      <source>Letter</source>
      <translation>Lettre US</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="102" />
      <source>The clinic</source>
      <translation>Le centre de santé</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="106" />
      <source>Na&amp;me:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="107" />
      <source>C&amp;linic code:</source>
      <translation>C&amp;ode du centre :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="108" />
      <source>Phon&amp;e:</source>
      <translation>Télé&amp;phone :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="109" />
      <source>A&amp;ddress:</source>
      <translation>A&amp;dresse :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="110" />
      <source>Paper si&amp;ze:</source>
      <translation>&amp;Format du papier :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="122" />
      <source>Save the clinic's de&amp;tails</source>
      <translation>Enregistrer les &amp;coordonnées du centre</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="126" />
      <source>Printed on appointment slips, forms and letters.</source>
      <translation>Imprimé sur les coupons de rendez-vous, les formulaires et les lettres.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="132" />
      <location filename="../../ui/clinic_admin.py" line="139" />
      <source>Opening hours and providers</source>
      <translation>Horaires d’ouverture et soignants</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="134" />
      <source>Add a pro&amp;vider…</source>
      <translation>Ajouter un &amp;soignant…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="135" />
      <source>&amp;Rename…</source>
      <translation>&amp;Renommer…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="137" />
      <source>Has le&amp;ft…</source>
      <translation>A &amp;quitté le centre…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="147" />
      <source>Working hours</source>
      <translation>Horaires de travail</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="157" />
      <source>day off</source>
      <translation>jour de repos</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="166" />
      <source>e.g. 08:00–13:00, 14:00–17:00. Leave empty for a day off.</source>
      <translation>p. ex. 08:00–13:00, 14:00–17:00. Laissez vide pour un jour de repos.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="168" />
      <source>Save &amp;working hours</source>
      <translation>&amp;Enregistrer les horaires</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="176" />
      <location filename="../../ui/clinic_admin.py" line="181" />
      <source>Appointment types</source>
      <translation>Types de rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="178" />
      <source>Add an appointment t&amp;ype…</source>
      <translation>Ajouter un &amp;type de rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="179" />
      <source>&amp;Change…</source>
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="180" />
      <source>No longer u&amp;sed…</source>
      <translation>Ne plus &amp;utiliser…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="258" />
      <location filename="../../ui/clinic_admin.py" line="328" />
      <source>Clinic opening hours</source>
      <translation>Horaires d’ouverture du centre</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="260" />
      <location filename="../../ui/clinic_admin.py" line="329" />
      <source>A new provider starts with these hours.</source>
      <translation>Un nouveau soignant commence avec ces horaires.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="276" />
      <source>{name} — {minutes} min</source>
      <translation>{name} — {minutes} min</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="334" />
      <source>Working hours of {name}</source>
      <translation>Horaires de travail de {name}</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="387" />
      <location filename="../../ui/clinic_admin.py" line="436" />
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="402" />
      <source>Saving the clinic's details…</source>
      <translation>Enregistrement des coordonnées du centre…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="443" />
      <source>Saving working hours…</source>
      <translation>Enregistrement des horaires…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="452" />
      <source>Add a provider</source>
      <translation>Ajouter un soignant</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="453" />
      <source>The new provider works the clinic's opening hours; change them under Working hours once added.</source>
      <translation>Le nouveau soignant travaille aux horaires d’ouverture du centre ; modifiez-les sous Horaires de travail une fois qu’il est ajouté.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="458" />
      <location filename="../../ui/clinic_admin.py" line="473" />
      <location filename="../../ui/clinic_admin.py" line="512" />
      <location filename="../../ui/clinic_admin.py" line="532" />
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="459" />
      <location filename="../../ui/clinic_admin.py" line="474" />
      <source>&amp;Title:</source>
      <translation>&amp;Fonction :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="459" />
      <source>e.g. Clinical officer</source>
      <translation>p. ex. Infirmier clinicien</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="472" />
      <source>Rename a provider</source>
      <translation>Renommer un soignant</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="493" />
      <location filename="../../ui/clinic_admin.py" line="554" />
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="498" />
      <source>Provider has left</source>
      <translation>Soignant parti</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="499" />
      <source>{name} will no longer be offered for new appointments. Past and booked appointments keep the name.</source>
      <translation>{name} ne sera plus proposé pour les nouveaux rendez-vous. Les rendez-vous passés et prévus gardent ce nom.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="504" />
      <source>No longer offer {name}</source>
      <translation>Ne plus proposer {name}</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="505" />
      <location filename="../../ui/clinic_admin.py" line="566" />
      <source>Keep</source>
      <translation>Garder</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="511" />
      <source>Add an appointment type</source>
      <translation>Ajouter un type de rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="512" />
      <source>e.g. Antenatal visit</source>
      <translation>p. ex. Consultation prénatale</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="513" />
      <location filename="../../ui/clinic_admin.py" line="534" />
      <source>&amp;Duration:</source>
      <translation>&amp;Durée :</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="513" />
      <location filename="../../ui/clinic_admin.py" line="534" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="529" />
      <source>Change an appointment type</source>
      <translation>Modifier un type de rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="530" />
      <source>Appointments already booked keep their length.</source>
      <translation>Les rendez-vous déjà pris gardent leur durée.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="559" />
      <source>Appointment type no longer used</source>
      <translation>Type de rendez-vous qui n’est plus utilisé</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="560" />
      <source>{name} will no longer be offered for new appointments. Appointments already booked keep it.</source>
      <translation>{name} ne sera plus proposé pour les nouveaux rendez-vous. Les rendez-vous déjà pris le gardent.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="565" />
      <source>No longer offer it</source>
      <translation>Ne plus le proposer</translation>
    </message>
    <message>
      <source>&amp;Save working hours</source>
      <translation type="vanished">&amp;Enregistrer les horaires</translation>
    </message>
    <message>
      <source>Add a &amp;provider…</source>
      <translation type="vanished">Ajouter un &amp;soignant…</translation>
    </message>
    <message>
      <source>Add an appointment &amp;type…</source>
      <translation type="vanished">Ajouter un &amp;type de rendez-vous…</translation>
    </message>
    <message>
      <source>Has &amp;left…</source>
      <translation type="vanished">A &amp;quitté le centre…</translation>
    </message>
    <message>
      <source>No longer &amp;used…</source>
      <translation type="vanished">Ne plus &amp;utiliser…</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation type="vanished">Télé&amp;phone :</translation>
    </message>
    <message>
      <source>Pa&amp;per size:</source>
      <translation type="vanished">&amp;Format du papier :</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation type="vanished">Soignants</translation>
    </message>
    <message>
      <source>R&amp;ename…</source>
      <translation type="vanished">&amp;Renommer…</translation>
    </message>
    <message>
      <source>Save the clinic's &amp;details</source>
      <translation type="vanished">Enregistrer les &amp;coordonnées du centre</translation>
    </message>
    <message>
      <source>“{part}” is not a time range: write it like 08:00–13:00.</source>
      <translation type="vanished">« {part} » n’est pas une plage horaire : écrivez-la comme 08:00–13:00.</translation>
    </message>
  </context>
  <context>
    <name>ClockBanner</name>
    <message>
      <location filename="../../ui/sync_page.py" line="69" />
      <source>This laptop's clock is wrong</source>
      <translation>L’horloge de cet ordinateur est fausse</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="85" />
      <source>This laptop's clock is {minutes} minutes slow: set the right time and date (Outpost corrects its own records by HQ's clock meanwhile).</source>
      <translation>L’horloge de cet ordinateur retarde de {minutes} minutes : réglez la bonne heure et la bonne date (en attendant, Outpost corrige ses propres dossiers d’après l’horloge du siège).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="90" />
      <source>This laptop's clock is {minutes} minutes fast: set the right time and date (Outpost corrects its own records by HQ's clock meanwhile).</source>
      <translation>L’horloge de cet ordinateur avance de {minutes} minutes : réglez la bonne heure et la bonne date (en attendant, Outpost corrige ses propres dossiers d’après l’horloge du siège).</translation>
    </message>
  </context>
  <context>
    <name>Coverage</name>
    <message>
      <location filename="../../ui/coverage_screens.py" line="60" />
      <source>{start} to {end}</source>
      <translation>du {start} au {end}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="62" />
      <source>until {end}</source>
      <translation>jusqu’au {end}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="64" />
      <source>from {start}</source>
      <translation>à partir du {start}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="65" />
      <source>no end date</source>
      <translation>sans date de fin</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="70" />
      <source>ended</source>
      <translation>terminée</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="87" />
      <source>Record a verification</source>
      <translation>Enregistrer une vérification</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="87" />
      <source>Save the verification</source>
      <translation>Enregistrer la vérification</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="91" />
      <source>Reading the membership…</source>
      <translation>Lecture de l’adhésion…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="109" />
      <source>&amp;How:</source>
      <translation>&amp;Méthode :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="115" />
      <source>&amp;Answer:</source>
      <translation>&amp;Réponse :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="119" />
      <source>&amp;When:</source>
      <translation>&amp;Quand :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="125" />
      <source>&amp;Reference:</source>
      <translation>Ré&amp;férence :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="126" />
      <source>The scheme's reference for the check, if it gave one.</source>
      <translation>La référence de la vérification donnée par le régime, s’il en a donné une.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="128" />
      <source>&amp;Note:</source>
      <translation>&amp;Note :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="153" />
      <source>Verification: {patient}, {scheme}</source>
      <translation>Vérification : {patient}, {scheme}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="158" />
      <source>{scheme} {number} — {patient}</source>
      <translation>{scheme} {number} — {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="163" />
      <source>Holder: {name}</source>
      <translation>Titulaire : {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="164" />
      <source>Valid: {when}</source>
      <translation>Validité : {when}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="165" />
      <source>Today: {status} ({why})</source>
      <translation>Aujourd’hui : {status} ({why})</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="173" />
      <source>{when}: {answer} ({method}{reference}{by})</source>
      <translation>{when} : {answer} ({method}{reference}{by})</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="178" />
      <source>, by {name}</source>
      <translation>, par {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="182" />
      <source>Last checks:</source>
      <translation>Dernières vérifications :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="184" />
      <source>Never verified before.</source>
      <translation>Jamais vérifiée auparavant.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="187" />
      <source>This membership was ended: nothing to verify.</source>
      <translation>Cette adhésion a pris fin : rien à vérifier.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="212" />
      <source>Reading the clinic's schemes…</source>
      <translation>Lecture des régimes du centre…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="227" />
      <source>No scheme yet: add the clinic's in Settings → Schemes</source>
      <translation>Aucun régime pour l’instant : ajoutez ceux du centre dans Réglages → Régimes</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="238" />
      <source>New membership: {patient}</source>
      <translation>Nouvelle adhésion : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="239" />
      <source>Add the membership</source>
      <translation>Ajouter l’adhésion</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="242" />
      <source>&amp;Scheme:</source>
      <translation>&amp;Régime :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="243" />
      <source>&amp;Member number:</source>
      <translation>Numéro d’&amp;adhérent :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="243" />
      <source>As it is on the card.</source>
      <translation>Tel qu’il figure sur la carte.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="246" />
      <source>&amp;Holder:</source>
      <translation>&amp;Titulaire :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="247" />
      <source>The principal member, when the patient is a dependant (else leave empty).</source>
      <translation>L’adhérent principal, quand le patient est un ayant droit (sinon, laissez vide).</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="249" />
      <source>Valid &amp;from:</source>
      <translation>Valable &amp;du :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="249" />
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="250" />
      <source>Valid &amp;until:</source>
      <translation>Valable &amp;jusqu’au :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="250" />
      <source>Until</source>
      <translation>Jusqu’au</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="251" />
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="256" />
      <source>Choose the scheme (Settings → Schemes has the list).</source>
      <translation>Choisissez le régime (la liste est dans Réglages → Régimes).</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="281" />
      <source>End the membership: {scheme} {number}</source>
      <translation>Mettre fin à l’adhésion : {scheme} {number}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="284" />
      <source>The membership stays in the record, marked ended; it no longer counts at check-in or when booking.</source>
      <translation>L’adhésion reste dans le dossier, marquée comme terminée ; elle n’est plus prise en compte à l’arrivée ni lors de la prise de rendez-vous.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="288" />
      <source>End the membership</source>
      <translation>Mettre fin à l’adhésion</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="290" />
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="290" />
      <source>e.g. the patient left the scheme</source>
      <translation>par ex. le patient a quitté le régime</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="309" />
      <source>New scheme</source>
      <translation>Nouveau régime</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="309" />
      <source>Change {name}</source>
      <translation>Modifier {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="310" />
      <source>A health insurance scheme or insurer the clinic's patients belong to. The list reaches every laptop of the clinic at the next sync.</source>
      <translation>Un régime d’assurance maladie ou un assureur auquel adhèrent des patients du centre. La liste parvient à chaque ordinateur du centre à la prochaine synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="314" />
      <source>Add to the list</source>
      <translation>Ajouter à la liste</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="314" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="316" />
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="319" />
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="323" />
      <source>&amp;Phone:</source>
      <translation>Télé&amp;phone :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="324" />
      <source>&amp;Address:</source>
      <translation>A&amp;dresse :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="327" />
      <source>&amp;Verify every:</source>
      <translation>&amp;Vérifier tous les :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="331" />
      <source> days</source>
      <translation> jours</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="333" />
      <source>N&amp;otes:</source>
      <translation>N&amp;otes :</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Scheme</source>
      <translation>Régime</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Verify every</source>
      <translation>Vérifier tous les</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Offered</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="369" />
      <source>The clinic's schemes and insurers</source>
      <translation>Les régimes et assureurs du centre</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="379" />
      <source>A&amp;dd a scheme…</source>
      <translation>&amp;Ajouter un régime…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="381" />
      <source>&amp;Change…</source>
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="383" />
      <location filename="../../ui/coverage_screens.py" line="457" />
      <source>No longer o&amp;ffered</source>
      <translation>&amp;Ne plus proposer</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="386" />
      <source>The schemes and insurers a patient's membership is chosen from. One no longer offered keeps the memberships it has.</source>
      <translation>Les régimes et assureurs parmi lesquels on choisit l’adhésion d’un patient. Un régime qui n’est plus proposé garde ses adhésions existantes.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="429" />
      <source>{n} days</source>
      <translation>{n} jours</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="430" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="430" />
      <source>no longer</source>
      <translation>plus proposé</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="455" />
      <source>Offe&amp;r again</source>
      <translation>Proposer à &amp;nouveau</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="493" />
      <source>No longer offered</source>
      <translation>N’est plus proposé</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="494" />
      <source>{name} will no longer be offered for new memberships. The memberships it has stay as they are.</source>
      <translation>{name} ne sera plus proposé pour les nouvelles adhésions. Ses adhésions existantes restent inchangées.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="499" />
      <source>No longer offer it</source>
      <translation>Ne plus le proposer</translation>
    </message>
  </context>
  <context>
    <name>CoverageTab</name>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="46" />
      <source>Verif&amp;y the membership…</source>
      <translation>Vérifier l’adhésio&amp;n…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="47" />
      <source>Record how it was checked and the answer (Enter)</source>
      <translation>Enregistrer comment elle a été vérifiée, et la réponse (Entrée)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="48" />
      <source>Add a me&amp;mbership…</source>
      <translation>&amp;Ajouter une adhésion…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="50" />
      <source>End the member&amp;ship…</source>
      <translation>Mettre fin à l’adhé&amp;sion…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="102" />
      <source>Co&amp;verage</source>
      <translation>Cou&amp;verture</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="106" />
      <source>Scheme</source>
      <translation>Régime</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="107" />
      <source>Member number</source>
      <translation>Numéro d’adhérent</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="108" />
      <source>Valid</source>
      <translation>Validité</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="109" />
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="110" />
      <source>Why</source>
      <translation>Pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="120" />
      <source>No scheme or insurer recorded for this patient.</source>
      <translation>Aucun régime ni assureur enregistré pour ce patient.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="129" />
      <source>ended</source>
      <translation>terminée</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="52" />
      <source>Possible duplicate</source>
      <translation>Doublon possible</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="79" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="80" />
      <source>Sex</source>
      <translation>Sexe</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="81" />
      <source>Born</source>
      <translation>Naissance</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="82" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="83" />
      <source>Village</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="84" />
      <source>National ID</source>
      <translation>N° d’identité</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="85" />
      <source>Clinic no.</source>
      <translation>N° de dossier</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="91" />
      <source>You are registering</source>
      <translation>Vous enregistrez</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="93" />
      <source>Already registered ({n})</source>
      <translation>Déjà enregistré ({n})</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="102" />
      <source>Why it may be the same person</source>
      <translation>Pourquoi ce pourrait être la même personne</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="110" />
      <source>&amp;Open this record</source>
      <translation>&amp;Ouvrir ce dossier</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="110" />
      <source>Open this record</source>
      <translation>Ouvrir ce dossier</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="114" />
      <source>Open the record of {name}</source>
      <translation>Ouvrir le dossier de {name}</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="132" />
      <source>This person may already be registered. Compare the new entry with the existing records (“✓ same” marks what matches). Open the existing record if it is the same person; register only if this is someone else.</source>
      <translation>Cette personne est peut-être déjà enregistrée. Comparez la nouvelle saisie avec les dossiers existants (« ✓ identique » signale ce qui correspond). Ouvrez le dossier existant s’il s’agit de la même personne ; n’enregistrez que s’il s’agit de quelqu’un d’autre.</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="140" />
      <source>&amp;Register as a different person</source>
      <translation>&amp;Enregistrer comme une autre personne</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="142" />
      <source>&amp;Back to editing</source>
      <translation>&amp;Revenir à la saisie</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="145" />
      <source>Is this the same person?</source>
      <translation>Est-ce la même personne ?</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="172" />
      <source>same</source>
      <translation>identique</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../ui/errors.py" line="45" />
      <source>Outpost</source>
      <translation>Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="54" />
      <source>Something unexpected went wrong. Nothing that was already saved has been lost.</source>
      <translation>Un problème inattendu est survenu. Rien de ce qui était déjà enregistré n’a été perdu.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="57" />
      <source>Try again. If it happens again, tell whoever looks after this laptop and show them the details below (the event is also in the log, without patient data).</source>
      <translation>Réessayez. Si cela se reproduit, prévenez la personne qui s’occupe de cet ordinateur et montrez-lui les détails ci-dessous (l’incident figure aussi dans le journal, sans données de patient).</translation>
    </message>
  </context>
  <context>
    <name>Followup</name>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="54" />
      <source>normal</source>
      <translation>normal</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="55" />
      <source>low</source>
      <translation>bas</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="56" />
      <source>high</source>
      <translation>élevé</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="57" />
      <source>critical</source>
      <translation>critique</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="58" />
      <source>abnormal</source>
      <translation>anormal</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Lab</source>
      <translation>Laboratoire</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Imaging</source>
      <translation>Imagerie</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Unit</source>
      <translation>Unité</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <location filename="../../ui/followup_dialogs.py" line="137" />
      <source>Flag</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Normal range</source>
      <translation>Valeurs normales</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="105" />
      <source>Values</source>
      <translation>Valeurs</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="112" />
      <source>&amp;Add a value</source>
      <translation>&amp;Ajouter une valeur</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="113" />
      <source>Remove the &amp;selected value</source>
      <translation>Retirer la valeur &amp;sélectionnée</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="189" />
      <source>Facility</source>
      <translation>Établissement</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="191" />
      <source>Loading the directory…</source>
      <translation>Chargement de l’annuaire…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="192" />
      <source>New &amp;facility…</source>
      <translation>Nouvel é&amp;tablissement…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="218" />
      <source>No facility yet: add one with New facility…</source>
      <translation>Aucun établissement pour l’instant : ajoutez-en un avec Nouvel établissement…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="359" />
      <source>New facility</source>
      <translation>Nouvel établissement</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="360" />
      <source>A facility the clinic sends patients or samples to. The directory reaches every laptop of the clinic at the next sync.</source>
      <translation>Un établissement vers lequel le centre envoie des patients ou des échantillons. L’annuaire parvient à chaque ordinateur du centre à la prochaine synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="364" />
      <source>Add to the directory</source>
      <translation>Ajouter à l’annuaire</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="366" />
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="369" />
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="373" />
      <source>&amp;Phone:</source>
      <translation>Télé&amp;phone :</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="374" />
      <source>&amp;Address:</source>
      <translation>A&amp;dresse :</translation>
    </message>
  </context>
  <context>
    <name>FormChoosers</name>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="70" />
      <source>New form for {name}</source>
      <translation>Nouveau formulaire pour {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="73" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="84" />
      <source>&amp;Fill in on screen</source>
      <translation>&amp;Remplir à l’écran</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="87" />
      <source>Print &amp;blank…</source>
      <translation>Imprimer &amp;vierge…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="90" />
      <source>A blank copy with the patient's name, to fill in by hand</source>
      <translation>Un exemplaire vierge au nom du patient, à remplir à la main</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="98" />
      <source>Which form?</source>
      <translation>Quel formulaire ?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="147" />
      <source>Print for {name}</source>
      <translation>Imprimer pour {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="150" />
      <source>What to print</source>
      <translation>Que faut-il imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="161" />
      <source>Blank: {title}</source>
      <translation>Vierge : {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="168" />
      <location filename="../../ui/form_view_dialogs.py" line="256" />
      <source>&amp;Preview…</source>
      <translation>&amp;Aperçu…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="175" />
      <source>The patient's forms (newest first), then blank forms:</source>
      <translation>Les formulaires du patient (les plus récents d’abord), puis les formulaires vierges :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="212" />
      <source>Blank forms for downtime</source>
      <translation>Formulaires vierges en cas de panne</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="216" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="217" />
      <source>Copies</source>
      <translation>Exemplaires</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="224" />
      <source>Copies of {title}</source>
      <translation>Exemplaires de {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="233" />
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="238" />
      <source>Paper size</source>
      <translation>Format du papier</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="243" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="245" />
      <source>P&amp;aper:</source>
      <translation>P&amp;apier :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="264" />
      <source>When the laptop or the power is down, forms are filled in by hand and entered in Outpost later. Each printed form carries a code that names it.</source>
      <translation>Quand l’ordinateur ou le courant est en panne, les formulaires sont remplis à la main puis saisis dans Outpost plus tard. Chaque formulaire imprimé porte un code qui l’identifie.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="286" />
      <source>Forms to print: {count}</source>
      <translation>Formulaires à imprimer : {count}</translation>
    </message>
  </context>
  <context>
    <name>FormFields</name>
    <message>
      <location filename="../../ui/form_fields.py" line="315" />
      <source>systolic</source>
      <translation>systolique</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="315" />
      <source>diastolic</source>
      <translation>diastolique</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="386" />
      <source>Year-month-day, or day/month/year</source>
      <translation>Année-mois-jour, ou jour/mois/année</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="388" />
      <source>Calendar</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="389" />
      <source>Choose on a calendar</source>
      <translation>Choisir sur un calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="390" />
      <source>Choose {label} on a calendar</source>
      <translation>Choisir {label} sur un calendrier</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="407" />
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="408" />
      <source>{label}: today</source>
      <translation>{label} : aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="587" />
      <location filename="../../ui/form_fields.py" line="752" />
      <source>Clear</source>
      <translation>Effacer</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="588" />
      <source>Take this answer back</source>
      <translation>Retirer cette réponse</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="590" />
      <location filename="../../ui/form_fields.py" line="753" />
      <source>Clear {label}</source>
      <translation>Effacer {label}</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="740" />
      <source>e.g. sister, neighbour</source>
      <translation>p. ex. sœur, voisin</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="741" />
      <source>Signs on the screen</source>
      <translation>Signe à l’écran</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="742" />
      <source>Signs the printed copy</source>
      <translation>Signe l’exemplaire imprimé</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="751" />
      <source>{label}: signature pad</source>
      <translation>{label} : zone de signature</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="756" />
      <source>Print the form after completing it; the person signs the paper, which the clinic keeps.</source>
      <translation>Imprimez le formulaire une fois terminé ; la personne signe le papier, que le centre conserve.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="827" />
      <source>Not signed yet.</source>
      <translation>Pas encore signé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="829" />
      <source>To be signed on the printed copy.</source>
      <translation>À signer sur l’exemplaire imprimé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="831" />
      <source>✓ Signed on the screen.</source>
      <translation>✓ Signé à l’écran.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="896" />
      <source>A thumbprint is given instead of a signature</source>
      <translation>Une empreinte du pouce remplace la signature</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="901" />
      <source>On the printed copy (the clinic keeps the paper)</source>
      <translation>Sur l’exemplaire imprimé (le centre garde le papier)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="902" />
      <source>Scanned or photographed image</source>
      <translation>Image scannée ou photographiée</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="909" />
      <source>Choose the image…</source>
      <translation>Choisir l’image…</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="910" />
      <source>{label}: choose the image</source>
      <translation>{label} : choisir l’image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="916" />
      <source>{label}: image</source>
      <translation>{label} : image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="957" />
      <source>no image</source>
      <translation>pas d’image</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="966" />
      <source>Choose the thumbprint image</source>
      <translation>Choisir l’image de l’empreinte</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="968" />
      <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
      <translation>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="979" />
      <location filename="../../ui/form_fields.py" line="995" />
      <source>This image is too large to be a thumbprint.</source>
      <translation>Cette image est trop grande pour une empreinte du pouce.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="982" />
      <source>This file could not be read as an image.</source>
      <translation>Ce fichier n’a pas pu être lu comme une image.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1086" />
      <source>Add a line</source>
      <translation>Ajouter une ligne</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1087" />
      <source>Remove the line</source>
      <translation>Supprimer la ligne</translation>
    </message>
  </context>
  <context>
    <name>FormView</name>
    <message>
      <location filename="../../ui/form_view.py" line="89" />
      <source>about {age} y</source>
      <translation>environ {age} ans</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="89" />
      <source>{age} y</source>
      <translation>{age} ans</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="137" />
      <source>Required.</source>
      <translation>Obligatoire.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="166" />
      <source>Check:</source>
      <translation>À vérifier :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="243" />
      <source>Language of the form</source>
      <translation>Langue du formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="244" />
      <source>The language the form is read and printed in</source>
      <translation>La langue dans laquelle le formulaire est lu et imprimé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="246" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="269" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="274" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="274" />
      <source>Preview and print this form</source>
      <translation>Voir l’aperçu et imprimer ce formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="276" />
      <source>&amp;Edit</source>
      <translation>&amp;Modifier</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="278" />
      <source>C&amp;orrect…</source>
      <translation>C&amp;orriger…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="280" />
      <source>Make a new version of this signed form, saying why</source>
      <translation>Créer une nouvelle version de ce formulaire signé, en disant pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="283" />
      <source>&amp;Complete</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="285" />
      <source>Check every answer and store the form</source>
      <translation>Vérifier toutes les réponses et enregistrer le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="288" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="342" />
      <source>Patient: {name}</source>
      <translation>Patient : {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="360" />
      <source>* required</source>
      <translation>* obligatoire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="463" />
      <source>Signed {when}.</source>
      <translation>Signé le {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="463" />
      <source>Signed.</source>
      <translation>Signé.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="465" />
      <source>A signed form cannot be changed. To fix a mistake, use Correct…: it makes a new version that refers to this one, to be signed again.</source>
      <translation>Un formulaire signé ne peut pas être modifié. Pour réparer une erreur, utilisez Corriger… : une nouvelle version est créée, qui renvoie à celle-ci, et doit être signée à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="474" />
      <source>Completed. Edit to change an answer (the form is then a draft again until it is completed), or Correct… to keep this version as it is.</source>
      <translation>Terminé. Modifier pour changer une réponse (le formulaire redevient un brouillon jusqu’à ce qu’il soit terminé), ou Corriger… pour garder cette version telle quelle.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="482" />
      <source>Correction of an earlier version. Reason: {reason}</source>
      <translation>Correction d’une version précédente. Motif : {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="488" />
      <source>You may read this form but not fill it in.</source>
      <translation>Vous pouvez lire ce formulaire mais pas le remplir.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Completed</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Signed</source>
      <translation>Signé</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="506" />
      <source>saved</source>
      <translation>enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="552" />
      <source>Draft — saving…</source>
      <translation>Brouillon — enregistrement…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="604" />
      <source>Answers to look at before the form can be completed: {count}.</source>
      <translation>Réponses à revoir avant de pouvoir terminer le formulaire : {count}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="648" />
      <source>Draft saved at {time}</source>
      <translation>Brouillon enregistré à {time}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="656" />
      <source>unexpected error</source>
      <translation>erreur inattendue</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="659" />
      <source>Not saved: {reason}. Trying again…</source>
      <translation>Non enregistré : {reason}. Nouvel essai…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="670" />
      <source>Saving the form…</source>
      <translation>Enregistrement du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="736" />
      <source>Some values are unusual:</source>
      <translation>Certaines valeurs sont inhabituelles :</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="742" />
      <source>This form is signed: once completed it can no longer be changed (a mistake is then fixed with a correction, signed again).</source>
      <translation>Ce formulaire est signé : une fois terminé, il ne pourra plus être modifié (une erreur se répare alors par une correction, signée à nouveau).</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="752" />
      <source>Complete the form</source>
      <translation>Terminer le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="755" />
      <source>Complete and lock</source>
      <translation>Terminer et verrouiller</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="755" />
      <source>Complete anyway</source>
      <translation>Terminer quand même</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="758" />
      <source>Go back</source>
      <translation>Revenir</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="786" />
      <source>Signed and stored.</source>
      <translation>Signé et enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="786" />
      <source>Completed and stored.</source>
      <translation>Terminé et enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="801" />
      <source>Storing the form…</source>
      <translation>Enregistrement du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="820" />
      <source>Correct the form</source>
      <translation>Corriger le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="821" />
      <source>The form stays as it was; a new version is made that refers to it. Signatures are not copied: the new version is signed again.</source>
      <translation>Le formulaire reste tel qu’il était ; une nouvelle version est créée, qui y renvoie. Les signatures ne sont pas recopiées : la nouvelle version est signée à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="825" />
      <source>Make the correction</source>
      <translation>Faire la correction</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="829" />
      <source>&amp;Why is it corrected?</source>
      <translation>&amp;Pourquoi le corriger ?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="830" />
      <source>For example: wrong date of birth written.</source>
      <translation>Par exemple : mauvaise date de naissance inscrite.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="836" />
      <source>Say why the form is corrected.</source>
      <translation>Dites pourquoi le formulaire est corrigé.</translation>
    </message>
  </context>
  <context>
    <name>FormsDesk</name>
    <message>
      <location filename="../../ui/forms_gateway.py" line="99" />
      <source>Opening the form…</source>
      <translation>Ouverture du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="119" />
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="119" />
      <source>There is nothing to print for this.</source>
      <translation>Il n’y a rien à imprimer pour cela.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="150" />
      <source>Starting the form…</source>
      <translation>Création du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="216" />
      <source>Preparing the pages…</source>
      <translation>Préparation des pages…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="256" />
      <source>{title} (blank)</source>
      <translation>{title} (vierge)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="307" />
      <source>Blank forms ({count})</source>
      <translation>Formulaires vierges ({count})</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="318" />
      <source>Day list</source>
      <translation>Liste du jour</translation>
    </message>
    <message>
      <source>Appointments of {day}</source>
      <translation type="vanished">Rendez-vous du {day}</translation>
    </message>
    <message>
      <source>No appointments.</source>
      <translation type="vanished">Aucun rendez-vous.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation type="vanished">Patient</translation>
    </message>
    <message>
      <source>Preparing form {n} of {total}…</source>
      <translation type="vanished">Préparation du formulaire {n} sur {total}…</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation type="vanished">Soignant</translation>
    </message>
    <message>
      <source>Putting the pages together…</source>
      <translation type="vanished">Assemblage des pages…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation type="vanished">Statut</translation>
    </message>
    <message>
      <source>Time</source>
      <translation type="vanished">Heure</translation>
    </message>
    <message>
      <source>Type</source>
      <translation type="vanished">Type</translation>
    </message>
  </context>
  <context>
    <name>FormsPanel</name>
    <message>
      <location filename="../../ui/forms_admin.py" line="39" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="40" />
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="41" />
      <source>Languages</source>
      <translation>Langues</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="42" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="43" />
      <source>Installed by</source>
      <translation>Installé par</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="44" />
      <source>Installed on</source>
      <translation>Installé le</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="49" />
      <source>Installed forms</source>
      <translation>Formulaires installés</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="55" />
      <source>In&amp;stall a form…</source>
      <translation>Installer un &amp;formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="57" />
      <source>The forms shipped with Outpost are always there. A clinic's own form or a translation is installed here from its file: it is checked and printed once first, and a published version never changes (install the next version).</source>
      <translation>Les formulaires fournis avec Outpost sont toujours là. Un formulaire propre au centre ou une traduction s’installe ici à partir de son fichier : il est d’abord vérifié et imprimé une fois, et une version publiée ne change jamais (installez la version suivante).</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="104" />
      <source>adds {language}</source>
      <translation>ajoute {language}</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="109" />
      <source>{version} (the clinic's own)</source>
      <translation>{version} (propre au centre)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="132" />
      <source>Install a form</source>
      <translation>Installer un formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="134" />
      <source>Form files (*.json)</source>
      <translation>Fichiers de formulaire (*.json)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="134" />
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="145" />
      <source>Checking the form…</source>
      <translation>Vérification du formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="155" />
      <source>{form} version {version} is already installed; nothing changed.</source>
      <translation>{form} version {version} est déjà installé ; rien n’a changé.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="157" />
      <source>{form} version {version} is installed.</source>
      <translation>{form} version {version} est installé.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="160" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="173" />
      <source>Replace Outpost's wording?</source>
      <translation>Remplacer le texte d’Outpost ?</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="174" />
      <source>This file is a new version of a form shipped with Outpost. Installed, new forms of this kind print the clinic's wording instead of Outpost's, marked on every page as the clinic's own. Records already filled keep their version. Install it?</source>
      <translation>Ce fichier est une nouvelle version d’un formulaire fourni avec Outpost. Une fois installé, les nouveaux formulaires de ce type s’impriment avec le texte du centre au lieu de celui d’Outpost, marqués sur chaque page comme propres au centre. Les formulaires déjà remplis gardent leur version. L’installer ?</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="181" />
      <source>Install as the clinic's own</source>
      <translation>Installer comme formulaire du centre</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="182" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>FormsSeam</name>
    <message>
      <source>Filling forms on screen is not installed in this version of Outpost yet.</source>
      <translation type="vanished">La saisie des formulaires à l’écran n’est pas encore installée dans cette version d’Outpost.</translation>
    </message>
    <message>
      <source>Forms</source>
      <translation type="vanished">Formulaires</translation>
    </message>
    <message>
      <source>Print</source>
      <translation type="vanished">Imprimer</translation>
    </message>
    <message>
      <source>Printing is not installed in this version of Outpost yet.</source>
      <translation type="vanished">L’impression n’est pas encore installée dans cette version d’Outpost.</translation>
    </message>
  </context>
  <context>
    <name>GeneralSettings</name>
    <message>
      <location filename="../../ui/settings_view.py" line="125" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="128" />
      <source>Make an automatic backup every &amp;day</source>
      <translation>Faire une sauvegarde automatique chaque &amp;jour</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="132" />
      <source>&amp;Save settings</source>
      <translation>&amp;Enregistrer les réglages</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="135" />
      <source>This laptop</source>
      <translation>Cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="137" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="139" />
      <source>A new language takes effect the next time Outpost starts.</source>
      <translation>Une nouvelle langue s’applique au prochain démarrage d’Outpost.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="141" />
      <source>Loc&amp;k after (no use):</source>
      <translation>&amp;Verrouiller après (inactivité) :</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="145" />
      <source>My account</source>
      <translation>Mon compte</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="149" />
      <source>Signed in as {who}.</source>
      <translation>Connecté en tant que {who}.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="154" />
      <source>&amp;Change my password…</source>
      <translation>&amp;Changer mon mot de passe…</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="188" />
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="192" />
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="193" />
      <source>The new language will be used the next time Outpost starts.</source>
      <translation>La nouvelle langue sera utilisée au prochain démarrage d’Outpost.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="197" />
      <source>Saving settings…</source>
      <translation>Enregistrement des réglages…</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="204" />
      <source>Change my password</source>
      <translation>Changer mon mot de passe</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="205" />
      <source>&amp;Current password:</source>
      <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="208" />
      <source>&amp;New password:</source>
      <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="210" />
      <source>At least {n} characters; a short sentence is easier to remember. Not the same as the user name.</source>
      <translation>Au moins {n} caractères ; une courte phrase se retient plus facilement. Différent du nom d’utilisateur.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="215" />
      <source>C&amp;onfirm:</source>
      <translation>C&amp;onfirmer :</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="220" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Les deux mots de passe sont différents : saisissez deux fois le même.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="236" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="236" />
      <source>Your password has been changed.</source>
      <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
      <source>&amp;Lock after (no use):</source>
      <translation type="vanished">&amp;Verrouiller après (inactivité) :</translation>
    </message>
    <message>
      <source>Signed in as {name} ({username}).</source>
      <translation type="vanished">Connecté en tant que {name} ({username}).</translation>
    </message>
  </context>
  <context>
    <name>HitsModel</name>
    <message>
      <location filename="../../ui/live_search.py" line="112" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="113" />
      <source>Clinic no.</source>
      <translation>N° de dossier</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="114" />
      <source>Sex</source>
      <translation>Sexe</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="115" />
      <source>Born</source>
      <translation>Naissance</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="116" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="117" />
      <source>Village</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="118" />
      <source>National ID</source>
      <translation>N° d’identité</translation>
    </message>
  </context>
  <context>
    <name>HqPanel</name>
    <message>
      <location filename="../../ui/sync_connect.py" line="50" />
      <source>The code HQ gave for this clinic</source>
      <translation>Le code que le siège a donné pour ce centre</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="54" />
      <source>Connect &amp;to HQ</source>
      <translation>Se connecter &amp;au siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="63" />
      <source>Open the s&amp;ync page</source>
      <translation>Ouvrir la page de s&amp;ynchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="65" />
      <source>Connect to HQ</source>
      <translation>Se connecter au siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="68" />
      <source>This clinic was set up on this laptop. To sync with HQ, ask HQ for an enrolment code for this clinic, then type HQ's address and the code here.</source>
      <translation>Ce centre a été créé sur cet ordinateur. Pour le synchroniser avec le siège, demandez au siège un code d’inscription pour ce centre, puis saisissez ici l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="78" />
      <source>&amp;Server address:</source>
      <translation>Adresse du &amp;serveur :</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="80" />
      <source>Enrolment &amp;code:</source>
      <translation>&amp;Code d’inscription :</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="81" />
      <source>&amp;Laptop's name:</source>
      <translation>Nom de l’&amp;ordinateur :</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="88" />
      <source>HQ</source>
      <translation>Siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="119" />
      <source>Automatic sync</source>
      <translation>Synchronisation automatique</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="121" />
      <source>&amp;Metered link: sync only when someone presses Sync now</source>
      <translation>Connexion &amp;facturée au volume : ne synchroniser que lorsque quelqu’un appuie sur Synchroniser maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="127" />
      <source> minutes after the last sync</source>
      <translation> minutes après la dernière synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="128" />
      <source>only at the set times</source>
      <translation>seulement aux heures fixées</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="131" />
      <source>e.g. 07:30, 13:00</source>
      <translation>p. ex. 07:30, 13:00</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="133" />
      <source>Sync &amp;when Outpost closes, if HQ answers (at most {n} seconds)</source>
      <translation>Synchro&amp;niser à la fermeture d’Outpost, si le siège répond (au plus {n} secondes)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="138" />
      <source>Sa&amp;ve the sync schedule</source>
      <translation>Enregistrer le progra&amp;mme de synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="144" />
      <source>When the link comes back after a failure, this laptop tries again on its own, waiting a little longer after each failed try. Times are the clinic's clock.</source>
      <translation>Quand la liaison revient après un échec, cet ordinateur réessaie de lui-même, en attendant un peu plus longtemps après chaque essai manqué. Les heures sont celles de l’horloge du centre.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="151" />
      <source>Sync &amp;every:</source>
      <translation>Synchroniser &amp;toutes les :</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="153" />
      <source>Also at these times (24-hou&amp;r clock):</source>
      <translation>Et aussi à ces &amp;heures (sur 24 h) :</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="196" />
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="206" />
      <source>Saving settings…</source>
      <translation>Enregistrement des réglages…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="219" />
      <source>This laptop is joined to HQ at {url}.</source>
      <translation>Cet ordinateur est relié au siège à l’adresse {url}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="221" />
      <source>HQ knows this clinic as {name}.</source>
      <translation>Le siège connaît ce centre sous le nom {name}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="232" />
      <source>Accounts signed by: {fingerprint} (the same on every laptop of the clinic; a laptop set up from HQ shows it to compare).</source>
      <translation>Comptes signés par : {fingerprint} (identique sur chaque ordinateur du centre ; un ordinateur mis en place depuis le siège l’affiche pour comparaison).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="237" />
      <source>Accounts signed by: not known yet (an administrator signs in once after the update).</source>
      <translation>Comptes signés par : pas encore connu (un administrateur se connecte une fois après la mise à jour).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="252" />
      <source>HQ's address and the code are filled in from the QR code: press Connect.</source>
      <translation>L’adresse du siège et le code sont remplis à partir du code QR : appuyez sur Se connecter au siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="259" />
      <source>Type HQ's address (it starts with https://).</source>
      <translation>Saisissez l’adresse du siège (elle commence par https://).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="263" />
      <source>Type the enrolment code HQ gave for this clinic.</source>
      <translation>Saisissez le code d’inscription que le siège a donné pour ce centre.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="277" />
      <source>Connected: this laptop now syncs with HQ.</source>
      <translation>Connecté : cet ordinateur se synchronise maintenant avec le siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="284" />
      <source>HQ could not be reached at this address. Check the address and the link, then try again.</source>
      <translation>Le siège est injoignable à cette adresse. Vérifiez l’adresse et la liaison, puis réessayez.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="292" />
      <source>Something unexpected went wrong; nothing was changed on this laptop. Try again, or tell whoever looks after this laptop.</source>
      <translation>Une erreur inattendue s’est produite ; rien n’a été modifié sur cet ordinateur. Réessayez, ou prévenez la personne qui s’occupe de cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="299" />
      <location filename="../../ui/sync_connect.py" line="300" />
      <source>Connecting to HQ…</source>
      <translation>Connexion au siège…</translation>
    </message>
  </context>
  <context>
    <name>Icd10Field</name>
    <message>
      <location filename="../../ui/icd10_field.py" line="63" />
      <source>a code (J18.9, B5) or words (malaria)</source>
      <translation>un code (J18.9, B5) ou des mots (paludisme)</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="64" />
      <source>ICD-10 diagnosis</source>
      <translation>Diagnostic CIM-10</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="71" />
      <source>ICD-10 codes found</source>
      <translation>Codes CIM-10 trouvés</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="149" />
      <source>(choose a subcategory)</source>
      <translation>(choisissez une sous-catégorie)</translation>
    </message>
  </context>
  <context>
    <name>IntegrityBanner</name>
    <message>
      <location filename="../../ui/integrity_banner.py" line="36" />
      <source>Open &amp;Backups</source>
      <translation>Ouvr&amp;ir les sauvegardes</translation>
    </message>
    <message>
      <location filename="../../ui/integrity_banner.py" line="40" />
      <source>The clinic's records are damaged</source>
      <translation>Les dossiers du centre sont endommagés</translation>
    </message>
    <message>
      <location filename="../../ui/integrity_banner.py" line="48" />
      <source>⚠ The clinic's records are damaged, so nothing more can be saved: everything saved so far is kept and can still be read. An administrator should run “outpost doctor”, then restore the most recent backup (Settings → Backups).</source>
      <translation>⚠ Les dossiers du centre sont endommagés, plus rien ne peut donc être enregistré : tout ce qui a été enregistré jusqu’ici est conservé et peut encore être lu. Un administrateur doit lancer « outpost doctor », puis restaurer la sauvegarde la plus récente (Réglages → Sauvegardes).</translation>
    </message>
  </context>
  <context>
    <name>InvoiceScreen</name>
    <message>
      <location filename="../../ui/invoice_screen.py" line="174" />
      <source>Invoice</source>
      <translation>Facture</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="178" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="189" />
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="190" />
      <source>Description</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="191" />
      <source>Qty</source>
      <translation>Qté</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="192" />
      <source>Unit price</source>
      <translation>Prix unitaire</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="193" />
      <location filename="../../ui/invoice_screen.py" line="261" />
      <source>Amount</source>
      <translation>Montant</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="197" />
      <source>Lines</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="199" />
      <source>Add from the &amp;price list…</source>
      <translation>Ajouter depuis la grille &amp;tarifaire…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="202" />
      <source>Add a free &amp;line…</source>
      <translation>Ajouter une ligne &amp;libre…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="204" />
      <source>Change the &amp;quantity…</source>
      <translation>Modifier la &amp;quantité…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="206" />
      <source>Re&amp;move the line</source>
      <translation>&amp;Retirer la ligne</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="209" />
      <source>What is charged</source>
      <translation>Ce qui est facturé</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Diagnosis</source>
      <translation>Diagnostic</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Primary</source>
      <translation>Principal</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="226" />
      <source>Diagnoses</source>
      <translation>Diagnostics</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="236" />
      <source>&amp;Add the diagnosis</source>
      <translation>&amp;Ajouter le diagnostic</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="239" />
      <source>Make p&amp;rimary</source>
      <translation>Rendre &amp;principal</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="242" />
      <source>Remove the dia&amp;gnosis</source>
      <translation>Retirer le dia&amp;gnostic</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="245" />
      <source>ICD-10 &amp;diagnosis:</source>
      <translation>&amp;Diagnostic CIM-10 :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="246" />
      <source>Diagnoses (ICD-10)</source>
      <translation>Diagnostics (CIM-10)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="258" />
      <source>Receipt</source>
      <translation>Reçu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="259" />
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="260" />
      <source>How</source>
      <translation>Mode</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="262" />
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="266" />
      <location filename="../../ui/invoice_screen.py" line="276" />
      <source>Payments</source>
      <translation>Paiements</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="268" />
      <source>Take a pa&amp;yment…</source>
      <translation>Encaisser un pai&amp;ement…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="271" />
      <source>Remove the payme&amp;nt…</source>
      <translation>Supprimer le paieme&amp;nt…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Scheme</source>
      <translation>Régime</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Member no.</source>
      <translation>N° d’adhérent</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Claimed</source>
      <translation>Montant demandé</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="288" />
      <source>Claims</source>
      <translation>Demandes de remboursement</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="291" />
      <source>Make a &amp;claim…</source>
      <translation>Faire une demande de rem&amp;boursement…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="293" />
      <source>&amp;Open the claim</source>
      <translation>&amp;Ouvrir la demande</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="295" />
      <source>Claims to schemes</source>
      <translation>Demandes de remboursement aux régimes</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="304" />
      <source>&amp;Issue the invoice</source>
      <translation>É&amp;mettre la facture</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="306" />
      <source>&amp;Void…</source>
      <translation>Ann&amp;uler…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="308" />
      <source>Prin&amp;t the receipt…</source>
      <translation>&amp;Imprimer le reçu…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="310" />
      <source>Clos&amp;e</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="398" />
      <source>draft</source>
      <translation>brouillon</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="400" />
      <location filename="../../ui/invoice_screen.py" line="403" />
      <source>Invoice {number}: {patient}</source>
      <translation>Facture {number} : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="406" />
      <source>issued {day}</source>
      <translation>émise le {day}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="408" />
      <source>started {day}</source>
      <translation>commencée le {day}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="430" />
      <source>Nothing charged yet: add a line from the price list or a free line.</source>
      <translation>Rien de facturé pour l’instant : ajoutez une ligne de la grille tarifaire ou une ligne libre.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="436" />
      <source>★ primary</source>
      <translation>★ principal</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="439" />
      <source>No diagnosis yet: search ICD-10 below by code or words.</source>
      <translation>Pas encore de diagnostic : cherchez ci-dessous dans la CIM-10 par code ou par mots.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="456" />
      <source>No payment yet.</source>
      <translation>Pas encore de paiement.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="467" />
      <source>(membership removed)</source>
      <translation>(adhésion supprimée)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="475" />
      <source>No claim for this invoice.</source>
      <translation>Aucune demande de remboursement pour cette facture.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="478" />
      <source>Total {total}   ·   Paid {paid}   ·   Still owed {owed}</source>
      <translation>Total {total}   ·   Payé {paid}   ·   Reste dû {owed}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="483" />
      <source>Credit {credit} (to refund)</source>
      <translation>Trop-perçu {credit} (à rembourser)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="487" />
      <source>Void: {reason}</source>
      <translation>Annulée : {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="539" />
      <source>A draft has no number yet: issue it first.</source>
      <translation>Un brouillon n’a pas encore de numéro : émettez-le d’abord.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="581" />
      <source>A line not on the price list</source>
      <translation>Une ligne hors grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="581" />
      <source>Add the line</source>
      <translation>Ajouter la ligne</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="582" />
      <source>&amp;Description:</source>
      <translation>&amp;Libellé :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="583" />
      <location filename="../../ui/invoice_screen.py" line="615" />
      <source>&amp;Quantity:</source>
      <translation>&amp;Quantité :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="586" />
      <source>&amp;Unit price:</source>
      <translation>Prix &amp;unitaire :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="587" />
      <source>In {currency}, as you write it (1500 or 1,500.50).</source>
      <translation>En {currency}, comme vous l’écrivez (1500 ou 1 500,50).</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="613" />
      <source>Quantity of {what}</source>
      <translation>Quantité de {what}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="613" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="630" />
      <source>Removing the line…</source>
      <translation>Retrait de la ligne…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="654" />
      <source>Adding the diagnosis…</source>
      <translation>Ajout du diagnostic…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="665" />
      <source>Making it the primary diagnosis…</source>
      <translation>Passage en diagnostic principal…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="674" />
      <source>Removing the diagnosis…</source>
      <translation>Retrait du diagnostic…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="681" />
      <source>Issuing the invoice…</source>
      <translation>Émission de la facture…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="692" />
      <source>Payment on invoice {number}</source>
      <translation>Paiement de la facture {number}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="693" />
      <source>Take the payment</source>
      <translation>Encaisser le paiement</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="697" />
      <source>&amp;Amount received:</source>
      <translation>&amp;Montant reçu :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="699" />
      <source>In {currency}. Still owed: {owed}.</source>
      <translation>En {currency}. Reste dû : {owed}.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="706" />
      <source>&amp;How:</source>
      <translation>Mode de &amp;paiement :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="710" />
      <source>&amp;Reference:</source>
      <translation>&amp;Référence :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="711" />
      <source>A mobile-money code or a cheque number, if there is one.</source>
      <translation>Un code mobile money ou un numéro de chèque, s’il y en a un.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="733" />
      <source>Remove the payment of {amount} (receipt {receipt})? Only for a payment taken in error or refunded: its receipt number is never given again.</source>
      <translation>Supprimer le paiement de {amount} (reçu {receipt}) ? Seulement pour un paiement saisi par erreur ou remboursé : son numéro de reçu n’est jamais réattribué.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="741" />
      <source>Removing the payment…</source>
      <translation>Suppression du paiement…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="744" />
      <source>Remove a payment</source>
      <translation>Supprimer un paiement</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="752" />
      <source>Void invoice {number}</source>
      <translation>Annuler la facture {number}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="752" />
      <source>(draft)</source>
      <translation>(brouillon)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="753" />
      <source>Void the invoice</source>
      <translation>Annuler la facture</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="757" />
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="758" />
      <source>It keeps its number; nothing is owed on it any more.</source>
      <translation>Elle garde son numéro ; plus rien n’est dû dessus.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="964" />
      <source>Starting an invoice…</source>
      <translation>Création d’une facture…</translation>
    </message>
  </context>
  <context>
    <name>JoinPages</name>
    <message>
      <location filename="../../ui/setup_join.py" line="81" />
      <source>The enrolment code has now been used: ask HQ for a new one, then join again.</source>
      <translation>Le code d’inscription a maintenant été utilisé : demandez-en un nouveau au siège, puis rejoignez de nouveau le centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="83" />
      <source>The enrolment code is now used up: HQ lists this laptop as device {name} ({id}), which never finished setting up. Ask HQ to revoke it and for a new code, then join again.</source>
      <translation>Le code d’inscription est maintenant épuisé : le siège répertorie cet ordinateur comme l’appareil {name} ({id}), dont la mise en place n’a jamais abouti. Demandez au siège de le révoquer et de vous donner un nouveau code, puis rejoignez de nouveau le centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="92" />
      <source>Wrong user name or password, or that account is not one of this clinic's. Use the user name and password you sign in with on the clinic's other laptops. Nothing was set up on this laptop.</source>
      <translation>Nom d’utilisateur ou mot de passe incorrect, ou ce compte n’appartient pas à ce centre. Utilisez le nom d’utilisateur et le mot de passe avec lesquels vous vous connectez sur les autres ordinateurs du centre. Rien n’a été mis en place sur cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="106" />
      <source>The link to HQ dropped while the clinic's records were coming; nothing was set up on this laptop.</source>
      <translation>La liaison avec le siège a été coupée pendant l’arrivée des dossiers du centre ; rien n’a été mis en place sur cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="116" />
      <source>HQ could not be reached at {url} ({reason}). Check the address (HQ's console shows it beside the code) and this laptop's link, then press Join again: nothing was set up, and the code is still good.</source>
      <translation>Le siège est injoignable à l’adresse {url} ({reason}). Vérifiez l’adresse (la console du siège l’affiche à côté du code) et la liaison de cet ordinateur, puis appuyez de nouveau sur Rejoindre : rien n’a été mis en place, et le code reste valable.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="125" />
      <source>HQ did not accept this enrolment code: it is mistyped, already used, or expired. Check it against HQ's console; if it is right, ask HQ for a new code. Nothing was set up on this laptop.</source>
      <translation>Le siège n’a pas accepté ce code d’inscription : il est mal saisi, déjà utilisé ou expiré. Comparez-le avec la console du siège ; s’il est correct, demandez un nouveau code au siège. Rien n’a été mis en place sur cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="133" />
      <source>Type HQ's address as HQ gave it.</source>
      <translation>Saisissez l’adresse du siège telle que le siège l’a donnée.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="139" />
      <source>Something unexpected went wrong; nothing was set up on this laptop. Try again, or tell whoever looks after this laptop (the event is in the log).</source>
      <translation>Un problème inattendu est survenu ; rien n’a été mis en place sur cet ordinateur. Réessayez, ou prévenez la personne qui s’occupe de cet ordinateur (l’événement figure dans le journal).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="151" />
      <source>This laptop is enrolled at HQ (as {name}) and keeps it while this window is open: the code is not needed again.</source>
      <translation>Cet ordinateur est inscrit au siège (sous le nom {name}) et le reste tant que cette fenêtre est ouverte : le code n’est plus nécessaire.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="157" />
      <source>Wrong user name or password, or that account is not one of this clinic's. Use the user name and password you sign in with on the clinic's other laptops, then press Join again.</source>
      <translation>Nom d’utilisateur ou mot de passe incorrect, ou ce compte n’appartient pas à ce centre. Utilisez le nom d’utilisateur et le mot de passe avec lesquels vous vous connectez sur les autres ordinateurs du centre, puis appuyez de nouveau sur Rejoindre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="170" />
      <source>The clinic's records did not all come from HQ ({why}). Press Join again when the link is back: what came is kept.</source>
      <translation>Les dossiers du centre ne sont pas tous arrivés du siège ({why}). Appuyez de nouveau sur Rejoindre quand la liaison sera rétablie : ce qui est arrivé est conservé.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="202" />
      <source>Join an existing clinic</source>
      <translation>Rejoindre un centre existant</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="204" />
      <source>HQ's console shows its address and an enrolment code for the clinic (as text and as a QR code). Type them here, or paste the enrolment link. Then sign in with your own account of the clinic: its records come from HQ and this laptop opens signed in.</source>
      <translation>La console du siège affiche son adresse et un code d’inscription pour le centre (en texte et en code QR). Saisissez-les ici, ou collez le lien d’inscription. Connectez-vous ensuite avec votre propre compte du centre : ses dossiers arrivent du siège et cet ordinateur s’ouvre sur votre session.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="217" />
      <source>Enrolment link</source>
      <translation>Lien d’inscription</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="226" />
      <source>e.g. ABCD-EFGH-JKLM-NPQR</source>
      <translation>p. ex. ABCD-EFGH-JKLM-NPQR</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="229" />
      <source>as on the clinic's other laptops</source>
      <translation>comme sur les autres ordinateurs du centre</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="247" />
      <source>Enrolment &amp;link (optional):</source>
      <translation>&amp;Lien d’inscription (facultatif) :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="249" />
      <source>HQ's &amp;address:</source>
      <translation>&amp;Adresse du siège :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="250" />
      <source>Enrolment &amp;code:</source>
      <translation>&amp;Code d’inscription :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="251" />
      <source>Your &amp;user name:</source>
      <translation>Votre &amp;nom d’utilisateur :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="252" />
      <source>Your &amp;password:</source>
      <translation>Votre &amp;mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="253" />
      <source>This laptop's na&amp;me:</source>
      <translation>Nom de cet &amp;ordinateur :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="268" />
      <source>Setting up from HQ</source>
      <translation>Mise en place depuis le siège</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="322" />
      <source>HQ's address and the code are filled in from the link.</source>
      <translation>L’adresse du siège et le code sont remplis à partir du lien.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="334" />
      <source>HQ's address starts with https:// (as HQ's console shows it).</source>
      <translation>L’adresse du siège commence par https:// (comme l’affiche la console du siège).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="336" />
      <source>Type HQ's address (or paste the enrolment link above).</source>
      <translation>Saisissez l’adresse du siège (ou collez le lien d’inscription ci-dessus).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="337" />
      <source>Type the enrolment code HQ gave for this clinic.</source>
      <translation>Saisissez le code d’inscription que le siège a donné pour ce centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="338" />
      <source>Type your user name, as you sign in on the clinic's laptops.</source>
      <translation>Saisissez votre nom d’utilisateur, celui avec lequel vous vous connectez sur les ordinateurs du centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="339" />
      <source>Type your password.</source>
      <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="340" />
      <source>This is required.</source>
      <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="387" />
      <source>The enrolment made with the earlier address or code was given up: HQ lists it as device {name} ({id}), for HQ to revoke.</source>
      <translation>L’inscription faite avec l’adresse ou le code précédent a été abandonnée : le siège la répertorie comme l’appareil {name} ({id}), que le siège doit révoquer.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="422" />
      <source>Checking your password…</source>
      <translation>Vérification de votre mot de passe…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="424" />
      <location filename="../../ui/setup_join.py" line="457" />
      <source>Reaching HQ…</source>
      <translation>Connexion au siège…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="458" />
      <source>Receiving attachments…</source>
      <translation>Réception des pièces jointes…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="459" />
      <source>Getting ready…</source>
      <translation>Préparation…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="460" />
      <source>Receiving the clinic's records…</source>
      <translation>Réception des dossiers du centre…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="461" />
      <source>Checking that this laptop holds every record HQ has…</source>
      <translation>Vérification que cet ordinateur détient tous les dossiers du siège…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="463" />
      <source>Setting up…</source>
      <translation>Mise en place…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="467" />
      <source>{done} of {total}</source>
      <translation>{done} sur {total}</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="469" />
      <source>{done} so far</source>
      <translation>{done} pour l’instant</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="481" />
      <source>This laptop is set up for {clinic}: {n} records came from HQ.</source>
      <translation>Cet ordinateur est prêt pour {clinic} : {n} dossiers sont arrivés du siège.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="488" />
      <source>not known yet</source>
      <translation>pas encore connu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="498" />
      <source>This laptop has joined the clinic</source>
      <translation>Cet ordinateur a rejoint le centre</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="504" />
      <location filename="../../ui/setup_join.py" line="521" />
      <source>Accounts signed by</source>
      <translation>Comptes signés par</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="506" />
      <source>Compare this with another laptop of the clinic (Settings → HQ there, or `outpost sync status`): the same letters mean the accounts on this laptop come from your clinic. If they differ, do not use this laptop; tell HQ.</source>
      <translation>Comparez avec un autre ordinateur du centre (Réglages → Siège sur celui-ci, ou `outpost sync status`) : les mêmes lettres signifient que les comptes de cet ordinateur viennent de votre centre. Si elles diffèrent, n’utilisez pas cet ordinateur et prévenez le siège.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="525" />
      <source>This laptop's recovery key</source>
      <translation>La clé de récupération de cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="527" />
      <source>If every password is forgotten, this key opens this laptop's copy of the records. It is shown now and never again: print it or write it down, and keep it apart from this laptop.</source>
      <translation>Si tous les mots de passe sont oubliés, cette clé ouvre la copie des dossiers de cet ordinateur. Elle s’affiche maintenant et plus jamais ensuite : imprimez-la ou notez-la, et gardez-la loin de cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="543" />
      <source>Recovery key</source>
      <translation>Clé de récupération</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="544" />
      <source>P&amp;rint the recovery key…</source>
      <translation>&amp;Imprimer la clé de récupération…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="545" />
      <source>I have &amp;written down or printed the recovery key</source>
      <translation>J’ai &amp;noté ou imprimé la clé de récupération</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Booked</source>
      <translation>Prévu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="23" />
      <source>Arrived</source>
      <translation>Arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>In consultation</source>
      <translation>En consultation</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="25" />
      <source>Completed</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>No-show</source>
      <translation>Absent</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <source>Moved</source>
      <translation>Déplacé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="50" />
      <source>Late</source>
      <translation>En retard</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="57" />
      <source>{text} · walk-in</source>
      <translation>{text} · sans rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="62" />
      <source>Female</source>
      <translation>Femme</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="63" />
      <source>Male</source>
      <translation>Homme</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="64" />
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="65" />
      <source>Not known</source>
      <translation>Inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="74" />
      <source>Age not known</source>
      <translation>Âge inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="80" />
      <source>Clinic no. {number}</source>
      <translation>Dossier n° {number}</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="85" />
      <source>Administrator</source>
      <translation>Administrateur</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="86" />
      <source>Coordinator</source>
      <translation>Coordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="87" />
      <source>Clinician</source>
      <translation>Soignant</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="93" />
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="94" />
      <source>Final</source>
      <translation>Définitif</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="95" />
      <source>Signed</source>
      <translation>Signé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="102" />
      <source>Given name</source>
      <translation>Prénom</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="103" />
      <source>Family name</source>
      <translation>Nom de famille</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="104" />
      <source>Other names</source>
      <translation>Autres noms</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="105" />
      <source>Sex</source>
      <translation>Sexe</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="106" />
      <source>Date of birth</source>
      <translation>Date de naissance</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <source>Date of birth estimated</source>
      <translation>Date de naissance estimée</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="108" />
      <source>Estimated age</source>
      <translation>Âge estimé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="109" />
      <location filename="../../ui/labels.py" line="110" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="111" />
      <source>Other phone</source>
      <translation>Autre téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="112" />
      <source>Village</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="113" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="114" />
      <source>National ID</source>
      <translation>N° d’identité</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="115" />
      <source>Clinic number</source>
      <translation>N° de dossier</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="116" />
      <source>Next of kin</source>
      <translation>Proche à prévenir</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="117" />
      <source>Relation</source>
      <translation>Lien de parenté</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="118" />
      <source>Next of kin's phone</source>
      <translation>Téléphone du proche</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="119" />
      <source>Preferred language</source>
      <translation>Langue préférée</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="120" />
      <source>Coverage scheme</source>
      <translation>Régime de couverture</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="121" />
      <source>Member number</source>
      <translation>Numéro d’adhérent</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="122" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="123" />
      <location filename="../../ui/labels.py" line="131" />
      <source>Removed</source>
      <translation>Supprimé</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="129" />
      <source>Registered</source>
      <translation>Enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="130" />
      <source>Changed</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="132" />
      <source>Opened the record</source>
      <translation>A ouvert le dossier</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="139" />
      <source>similar name</source>
      <translation>nom semblable</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="140" />
      <source>same phone</source>
      <translation>même téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="141" />
      <source>same date of birth and village</source>
      <translation>même date de naissance et même village</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="142" />
      <source>same date of birth</source>
      <translation>même date de naissance</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="143" />
      <source>same village</source>
      <translation>même village</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="144" />
      <source>same clinic number</source>
      <translation>même numéro de dossier du centre</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="145" />
      <source>same national ID</source>
      <translation>même numéro d’identité nationale</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="151" />
      <source>Monday</source>
      <translation>Lundi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="152" />
      <source>Tuesday</source>
      <translation>Mardi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="153" />
      <source>Wednesday</source>
      <translation>Mercredi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="154" />
      <source>Thursday</source>
      <translation>Jeudi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="155" />
      <source>Friday</source>
      <translation>Vendredi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="156" />
      <source>Saturday</source>
      <translation>Samedi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="157" />
      <source>Sunday</source>
      <translation>Dimanche</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="220" />
      <source>Kenya</source>
      <translation>Kenya</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="221" />
      <source>Uganda</source>
      <translation>Ouganda</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="222" />
      <source>Tanzania</source>
      <translation>Tanzanie</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="223" />
      <source>Rwanda</source>
      <translation>Rwanda</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="224" />
      <source>Burundi</source>
      <translation>Burundi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="225" />
      <source>South Sudan</source>
      <translation>Soudan du Sud</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="226" />
      <source>Ethiopia</source>
      <translation>Éthiopie</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="227" />
      <source>Somalia</source>
      <translation>Somalie</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="228" />
      <source>DR Congo</source>
      <translation>RD Congo</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="229" />
      <source>Cameroon</source>
      <translation>Cameroun</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="230" />
      <source>Nigeria</source>
      <translation>Nigeria</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="231" />
      <source>Ghana</source>
      <translation>Ghana</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="232" />
      <source>Senegal</source>
      <translation>Sénégal</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="233" />
      <source>Mali</source>
      <translation>Mali</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="234" />
      <source>Burkina Faso</source>
      <translation>Burkina Faso</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="235" />
      <source>Niger</source>
      <translation>Niger</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="236" />
      <source>Côte d'Ivoire</source>
      <translation>Côte d’Ivoire</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="237" />
      <source>Guinea</source>
      <translation>Guinée</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="238" />
      <source>Chad</source>
      <translation>Tchad</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="239" />
      <source>Madagascar</source>
      <translation>Madagascar</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="240" />
      <source>Malawi</source>
      <translation>Malawi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="241" />
      <source>Mozambique</source>
      <translation>Mozambique</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="242" />
      <source>Zambia</source>
      <translation>Zambie</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="243" />
      <source>Zimbabwe</source>
      <translation>Zimbabwe</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="244" />
      <source>Haiti</source>
      <translation>Haïti</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../ui/lock.py" line="56" />
      <source>Locked</source>
      <translation>Verrouillé</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="66" />
      <source>&amp;Unlock</source>
      <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="67" />
      <source>S&amp;witch user…</source>
      <translation>&amp;Changer d’utilisateur…</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="70" />
      <source>Locked after a while without use. {who} is signed in: type your password to carry on where you left off.</source>
      <translation>Verrouillé après un moment d’inactivité. {who} est connecté : saisissez votre mot de passe pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="75" />
      <source>Locked by {who}: type your password to carry on where you left off.</source>
      <translation>Verrouillé par {who} : saisissez votre mot de passe pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="85" />
      <source>Outpost is locked</source>
      <translation>Outpost est verrouillé</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="87" />
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>Locked after a while without use. {name} ({username}) is signed in: type your password to carry on where you left off.</source>
      <translation type="vanished">Verrouillé après un moment d’inactivité. {name} ({username}) est connecté : saisissez votre mot de passe pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
      <source>Outpost — locked</source>
      <translation type="vanished">Outpost — verrouillé</translation>
    </message>
  </context>
  <context>
    <name>LoginWindow</name>
    <message>
      <location filename="../../ui/login_window.py" line="48" />
      <source>Sign in</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="60" />
      <source>Sign-in problem</source>
      <translation>Problème de connexion</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="62" />
      <source>&amp;Sign in</source>
      <translation>&amp;Se connecter</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="63" />
      <source>&amp;Forgotten password?</source>
      <translation>Mot de passe &amp;oublié ?</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="71" />
      <source>&amp;User name:</source>
      <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="72" />
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="74" />
      <source>Outpost</source>
      <translation>Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="75" />
      <source>Clinic records in {folder}</source>
      <translation>Dossiers du centre dans {folder}</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="167" />
      <source>Type your user name.</source>
      <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="171" />
      <source>Type your password.</source>
      <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="185" />
      <source>Opening the clinic's records…</source>
      <translation>Ouverture des dossiers du centre…</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="200" />
      <source>Wrong user name or password. Check the spelling (and Caps Lock), then try again.</source>
      <translation>Nom d’utilisateur ou mot de passe incorrect. Vérifiez l’orthographe (et le verrouillage des majuscules), puis réessayez.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="223" />
      <source>The record of wrong sign-in attempts was missing or damaged, so signing in waits {seconds} s. Then try again.</source>
      <translation>Le registre des tentatives de connexion erronées manquait ou était endommagé, la connexion attend donc {seconds} s. Réessayez ensuite.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="231" />
      <source>Too many wrong passwords for {user}. Wait {seconds} s, then try again. If the password is lost, an administrator can reset it, or use the recovery key.</source>
      <translation>Trop de mots de passe erronés pour {user}. Attendez {seconds} s, puis réessayez. Si le mot de passe est perdu, un administrateur peut le réinitialiser, ou utilisez la clé de récupération.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="242" />
      <source>You can try again now.</source>
      <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="258" />
      <source>Password changed: sign in with the new password.</source>
      <translation>Mot de passe changé : connectez-vous avec le nouveau mot de passe.</translation>
    </message>
    <message>
      <source>Outpost — sign in</source>
      <translation type="vanished">Outpost — connexion</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="136" />
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="137" />
      <source>Patients</source>
      <translation>Patients</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <source>Calendar</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="139" />
      <source>Settings</source>
      <translation>Réglages</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="140" />
      <source>Sync</source>
      <translation>Synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="141" />
      <source>Worklist</source>
      <translation>Liste de travail</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="146" />
      <source>Sections</source>
      <translation>Rubriques</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="275" />
      <source>{title} ({n})</source>
      <translation>{title} ({n})</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="277" />
      <source>Who to call today: {n} (Ctrl+6)</source>
      <translation>Qui appeler aujourd’hui : {n} (Ctrl+6)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="279" />
      <source>Who to call today: nobody (Ctrl+6)</source>
      <translation>Qui appeler aujourd’hui : personne (Ctrl+6)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="300" />
      <source>&amp;Outpost</source>
      <translation>&amp;Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="301" />
      <source>&amp;Lock now</source>
      <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="303" />
      <source>&amp;Switch user…</source>
      <translation>&amp;Changer d’utilisateur…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="306" />
      <source>S&amp;ync now</source>
      <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="308" />
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="310" />
      <source>&amp;Go</source>
      <translation>A&amp;ller à</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="313" />
      <source>&amp;Today</source>
      <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="314" />
      <source>&amp;Patients</source>
      <translation>&amp;Patients</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="315" />
      <source>&amp;Calendar</source>
      <translation>&amp;Agenda</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="316" />
      <source>S&amp;ettings</source>
      <translation>&amp;Réglages</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="317" />
      <source>S&amp;ync with HQ</source>
      <translation>S&amp;ynchronisation avec le siège</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="318" />
      <source>&amp;Worklist</source>
      <translation>&amp;Liste de travail</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="323" />
      <source>&amp;Patient</source>
      <translation>&amp;Patient</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="324" />
      <source>&amp;Find a patient</source>
      <translation>&amp;Rechercher un patient</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="325" />
      <source>&amp;New patient…</source>
      <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="326" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="331" />
      <source>Print &amp;blank forms…</source>
      <translation>Imprimer des formulaires &amp;vierges…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="336" />
      <source>&amp;Appointment</source>
      <translation>&amp;Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="337" />
      <source>&amp;Check in</source>
      <translation>&amp;Enregistrer l’arrivée</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="339" />
      <source>&amp;Walk-in…</source>
      <translation>&amp;Sans rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="340" />
      <source>&amp;Book an appointment…</source>
      <translation>&amp;Prendre un rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="341" />
      <source>&amp;Refresh</source>
      <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="343" />
      <source>&amp;Help</source>
      <translation>Ai&amp;de</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="344" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="349" />
      <source>Signed in: {name} ({role})</source>
      <translation>Connecté : {name} ({role})</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="482" />
      <location filename="../../ui/main_window.py" line="495" />
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="483" />
      <source>Open a patient's record or the day's list first, then print.</source>
      <translation>Ouvrez d’abord le dossier d’un patient ou la liste du jour, puis imprimez.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="490" />
      <source>Find a patient</source>
      <translation>Rechercher un patient</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="491" />
      <source>New patient</source>
      <translation>Nouveau patient</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="492" />
      <source>Check in the selected appointment</source>
      <translation>Enregistrer l’arrivée pour le rendez-vous choisi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="493" />
      <source>Walk-in: a patient without an appointment</source>
      <translation>Sans rendez-vous : un patient qui n’a pas de rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="494" />
      <source>Book an appointment</source>
      <translation>Prendre un rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="496" />
      <source>Today, Patients, Calendar, Settings</source>
      <translation>Aujourd’hui, Patients, Agenda, Réglages</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="497" />
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="498" />
      <source>Lock now</source>
      <translation>Verrouiller maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="499" />
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="500" />
      <source>Switch user</source>
      <translation>Changer d’utilisateur</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="501" />
      <source>Sync with HQ</source>
      <translation>Synchronisation avec le siège</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="502" />
      <source>Sync now</source>
      <translation>Synchroniser maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="503" />
      <source>Worklist: who to call today</source>
      <translation>Liste de travail : qui appeler aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="506" />
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="523" />
      <source>an open window</source>
      <translation>une fenêtre ouverte</translation>
    </message>
    <message>
      <source>Outpost — {clinic}</source>
      <translation type="vanished">Outpost — {clinic}</translation>
    </message>
  </context>
  <context>
    <name>Operation</name>
    <message>
      <location filename="../../ui/tasks.py" line="246" />
      <source>Working…</source>
      <translation>Travail en cours…</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="248" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="255" />
      <source>Please wait</source>
      <translation>Veuillez patienter</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="270" />
      <source>Stopping…</source>
      <translation>Arrêt en cours…</translation>
    </message>
  </context>
  <context>
    <name>OutpostApp</name>
    <message>
      <location filename="../../ui/app.py" line="281" />
      <source>Making the daily backup… {percent} %</source>
      <translation>Sauvegarde quotidienne en cours… {percent} %</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="300" />
      <source>⚠ The daily backup failed: see Settings → Backups.</source>
      <translation>⚠ La sauvegarde quotidienne a échoué : voir Réglages → Sauvegardes.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="316" />
      <source>⚠ The daily backup needs attention: see Settings → Backups.</source>
      <translation>⚠ La sauvegarde quotidienne demande votre attention : voir Réglages → Sauvegardes.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="321" />
      <source>Daily backup made.</source>
      <translation>Sauvegarde quotidienne faite.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="335" />
      <source>Unsaved changes</source>
      <translation>Modifications non enregistrées</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="336" />
      <source>Not saved yet: {what}</source>
      <translation>Pas encore enregistré : {what}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="338" />
      <source>Discard them and continue</source>
      <translation>Les abandonner et continuer</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="339" />
      <source>Go back</source>
      <translation>Revenir</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="361" />
      <source>Switching user closes {name}'s session.</source>
      <translation>Changer d’utilisateur ferme la session de {name}.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="406" />
      <source>Quitting closes Outpost.</source>
      <translation>Quitter ferme Outpost.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="458" />
      <source>Making the closing backup…</source>
      <translation>Sauvegarde de fermeture en cours…</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="460" />
      <source>Finish later</source>
      <translation>Terminer plus tard</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="515" />
      <source>The backup of {when} is back in place. Sign in to continue.</source>
      <translation>La sauvegarde du {when} est restaurée. Connectez-vous pour continuer.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="519" />
      <source>The records it replaced are kept in {folder}.</source>
      <translation>Les dossiers remplacés sont conservés dans {folder}.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="535" />
      <source>Restoring the backup…</source>
      <translation>Restauration de la sauvegarde…</translation>
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../ui/patient_dialog.py" line="96" />
      <source>Register a new patient</source>
      <translation>Enregistrer un nouveau patient</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="98" />
      <source>Edit patient details</source>
      <translation>Modifier les informations du patient</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="105" />
      <source>Identity</source>
      <translation>Identité</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="107" />
      <source>&amp;Given name:</source>
      <translation>&amp;Prénom :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="108" />
      <source>&amp;Other names:</source>
      <translation>&amp;Autres noms :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="109" />
      <source>&amp;Family name:</source>
      <translation>Nom de &amp;famille :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="114" />
      <source>Se&amp;x:</source>
      <translation>Se&amp;xe :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="116" />
      <source>National &amp;ID:</source>
      <translation>N° d’&amp;identité :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="117" />
      <source>Clinic &amp;number:</source>
      <translation>N° de &amp;dossier :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="119" />
      <source>given at registration</source>
      <translation>attribué à l’enregistrement</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="121" />
      <source>Contact and next of kin</source>
      <translation>Coordonnées et proche à prévenir</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="123" />
      <source>&amp;Phone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="123" />
      <source>e.g. 0712 345 678</source>
      <translation>p. ex. 0712 345 678</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="124" />
      <source>Other p&amp;hone:</source>
      <translation>A&amp;utre téléphone :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="125" />
      <source>&amp;Village:</source>
      <translation>&amp;Village :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="126" />
      <source>&amp;Address:</source>
      <translation>A&amp;dresse :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="127" />
      <source>Next of &amp;kin:</source>
      <translation>Pro&amp;che à prévenir :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="128" />
      <source>&amp;Relation:</source>
      <translation>&amp;Lien de parenté :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="129" />
      <source>Next of kin's pho&amp;ne:</source>
      <translation>Télé&amp;phone du proche :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="131" />
      <source>Language, coverage and notes</source>
      <translation>Langue, couverture et notes</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="133" />
      <source>Preferred lan&amp;guage:</source>
      <translation>Lan&amp;gue préférée :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="134" />
      <source>Coverage &amp;scheme:</source>
      <translation>&amp;Régime de couverture :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="135" />
      <source>&amp;Member number:</source>
      <translation>Numéro d’&amp;adhérent :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="136" />
      <source>No&amp;tes:</source>
      <translation>No&amp;tes :</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="164" />
      <source>&amp;Register</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="164" />
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="169" />
      <location filename="../../ui/patient_dialog.py" line="170" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="175" />
      <source>* required. Give the date of birth, or the approximate age if the date is not known; choose “Age not known” only when neither is known.</source>
      <translation>* obligatoire. Indiquez la date de naissance, ou l’âge approximatif si la date n’est pas connue ; ne choisissez « Âge inconnu » que si ni l’une ni l’autre n’est connue.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="240" />
      <source>Date of birth *</source>
      <translation>Date de naissance *</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="242" />
      <source>&amp;Date known</source>
      <translation>Date &amp;connue</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="243" />
      <source>Only the approximate &amp;age is known</source>
      <translation>Seul l’&amp;âge approximatif est connu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="244" />
      <source>Age not kno&amp;wn</source>
      <translation>Âge i&amp;nconnu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="258" />
      <source>YYYY-MM-DD or DD/MM/YYYY</source>
      <translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="259" />
      <source>Date of birth</source>
      <translation>Date de naissance</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="263" />
      <source>years, e.g. 45</source>
      <translation>années, p. ex. 45</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="264" />
      <source>Estimated age in years</source>
      <translation>Âge estimé en années</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="265" />
      <source>Neither the date of birth nor the age is known.</source>
      <translation>Ni la date de naissance ni l’âge ne sont connus.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="468" />
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="525" />
      <source>Discard changes?</source>
      <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="526" />
      <source>What you typed has not been saved. Close anyway?</source>
      <translation>Votre saisie n’a pas été enregistrée. Fermer quand même ?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="528" />
      <source>Discard</source>
      <translation>Abandonner</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="529" />
      <source>Keep editing</source>
      <translation>Continuer la saisie</translation>
    </message>
    <message>
      <source>* required. Give the date of birth, or the approximate age if the date is not known.</source>
      <translation type="vanished">* obligatoire. Indiquez la date de naissance, ou l’âge approximatif si la date n’est pas connue.</translation>
    </message>
  </context>
  <context>
    <name>PatientRecord</name>
    <message>
      <location filename="../../ui/patient_record.py" line="118" />
      <source>◀ &amp;Back to the search</source>
      <translation>◀ &amp;Retour à la recherche</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="120" />
      <source>Back to the search (Esc)</source>
      <translation>Retour à la recherche (Échap)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="130" />
      <source>&amp;Edit details…</source>
      <translation>&amp;Modifier les informations…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="132" />
      <source>&amp;Book appointment…</source>
      <translation>&amp;Prendre rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="134" />
      <source>Book an appointment (Ctrl+B)</source>
      <translation>Prendre un rendez-vous (Ctrl+B)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="136" />
      <source>New &amp;form…</source>
      <translation>Nouveau &amp;formulaire…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="138" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="138" />
      <source>Print (Ctrl+P)</source>
      <translation>Imprimer (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="140" />
      <source>Order a res&amp;ult…</source>
      <translation>Demander un e&amp;xamen…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="142" />
      <source>&amp;Refer…</source>
      <translation>R&amp;éférer…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="155" />
      <source>&amp;Details</source>
      <translation>&amp;Détails</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="158" />
      <source>Appointments</source>
      <translation>Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="160" />
      <location filename="../../ui/patient_record.py" line="210" />
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="161" />
      <source>Provider</source>
      <translation>Soignant</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="162" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="163" />
      <location filename="../../ui/patient_record.py" line="186" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="164" />
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="168" />
      <source>Book &amp;follow-up…</source>
      <translation>Rendez-vous de &amp;suivi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="169" />
      <source>&amp;Move…</source>
      <translation>&amp;Déplacer…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="170" />
      <source>&amp;Cancel appointment…</source>
      <translation>A&amp;nnuler le rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="171" />
      <source>Print &amp;slip…</source>
      <translation>Imprimer le &amp;coupon…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="179" />
      <source>&amp;Appointments</source>
      <translation>&amp;Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="182" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="184" />
      <source>Form</source>
      <translation>Formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="185" />
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="187" />
      <source>Started</source>
      <translation>Commencé</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="188" />
      <source>Signed</source>
      <translation>Signé</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="192" />
      <source>&amp;Open form</source>
      <translation>&amp;Ouvrir le formulaire</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="193" />
      <source>Print this for&amp;m…</source>
      <translation>Imprimer ce formul&amp;aire…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="200" />
      <source>F&amp;orms</source>
      <translation>&amp;Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="209" />
      <source>History of changes</source>
      <translation>Historique des modifications</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>Fields</source>
      <translation>Champs</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="213" />
      <source>Include when the record was &amp;opened</source>
      <translation>Inclure les &amp;ouvertures du dossier</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="219" />
      <source>&amp;History</source>
      <translation>&amp;Historique</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="249" />
      <location filename="../../ui/patient_record.py" line="262" />
      <source>Opening the record…</source>
      <translation>Ouverture du dossier…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="334" />
      <source>This patient's record was removed.</source>
      <translation>Le dossier de ce patient a été supprimé.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="351" />
      <source>Sex not known</source>
      <translation>Sexe inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="355" />
      <source>National ID {number}</source>
      <translation>N° d’identité {number}</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="422" />
      <source>Booked for {time}; not arrived yet</source>
      <translation>Prévu à {time} ; pas encore arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="443" />
      <source>No forms yet for this patient.</source>
      <translation>Aucun formulaire pour ce patient pour l’instant.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="551" />
      <source>Cancel the appointment of {when} with {provider}?</source>
      <translation>Annuler le rendez-vous du {when} avec {provider} ?</translation>
    </message>
    <message>
      <source>Cancel appointment</source>
      <translation type="vanished">Annuler le rendez-vous</translation>
    </message>
    <message>
      <source>Cancel the appointment</source>
      <translation type="vanished">Annuler le rendez-vous</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="vanished">Annulation…</translation>
    </message>
    <message>
      <source>Clinic no. {number}</source>
      <translation type="vanished">Dossier n° {number}</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation type="vanished">Le garder</translation>
    </message>
    <message>
      <source>Print &amp;this form…</source>
      <translation type="vanished">Imprimer &amp;ce formulaire…</translation>
    </message>
    <message>
      <source>{status} · walk-in</source>
      <translation type="vanished">{status} · sans rendez-vous</translation>
    </message>
  </context>
  <context>
    <name>PatientsView</name>
    <message>
      <location filename="../../ui/patients_view.py" line="59" />
      <source>Name, phone, ID, clinic number or date of birth (e.g. 1984-03-21)</source>
      <translation>Nom, téléphone, identifiant, n° de dossier ou date de naissance (p. ex. 1984-03-21)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="72" />
      <source>Patients found</source>
      <translation>Patients trouvés</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="81" />
      <location filename="../../ui/patients_view.py" line="199" />
      <source>Type a name, a phone number, an ID or a date of birth.</source>
      <translation>Saisissez un nom, un numéro de téléphone, un identifiant ou une date de naissance.</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="86" />
      <source>&amp;New patient…</source>
      <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="88" />
      <source>Register a new patient (Ctrl+N)</source>
      <translation>Enregistrer un nouveau patient (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="92" />
      <source>&amp;Open record</source>
      <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="94" />
      <source>Open the selected patient (Enter)</source>
      <translation>Ouvrir le patient choisi (Entrée)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="100" />
      <source>Patients</source>
      <translation>Patients</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="101" />
      <source>&amp;Find a patient:</source>
      <translation>&amp;Rechercher un patient :</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="202" />
      <source>No patient found for “{query}”. Check the spelling, or register a new patient (Ctrl+N).</source>
      <translation>Aucun patient trouvé pour « {query} ». Vérifiez l’orthographe, ou enregistrez un nouveau patient (Ctrl+N).</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="209" />
      <source>Patients found: {count}. Press Enter to open the first, or Down to choose.</source>
      <translation>Patients trouvés : {count}. Appuyez sur Entrée pour ouvrir le premier, ou sur Bas pour choisir.</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="224" />
      <source>The search failed unexpectedly.</source>
      <translation>La recherche a échoué de façon inattendue.</translation>
    </message>
    <message>
      <source>Name, phone, ID or date of birth (e.g. 1984-03-21)</source>
      <translation type="vanished">Nom, téléphone, identifiant ou date de naissance (p. ex. 1984-03-21)</translation>
    </message>
  </context>
  <context>
    <name>PriceListPanel</name>
    <message>
      <location filename="../../ui/price_list_admin.py" line="79" />
      <source>Save the currenc&amp;y</source>
      <translation>Enregistrer la mon&amp;naie</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="81" />
      <source>Money</source>
      <translation>Argent</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="87" />
      <source>Curr&amp;ency:</source>
      <translation>&amp;Monnaie :</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="95" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="96" />
      <source>Item</source>
      <translation>Article</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="97" />
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="98" />
      <source>Price</source>
      <translation>Prix</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="99" />
      <source>On the list</source>
      <translation>Sur la liste</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="103" />
      <location filename="../../ui/price_list_admin.py" line="115" />
      <source>Price list</source>
      <translation>Grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="106" />
      <source>Sho&amp;w items taken off the list</source>
      <translation>Affic&amp;her les articles retirés de la liste</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="109" />
      <source>Add an i&amp;tem…</source>
      <translation>Ajouter un ar&amp;ticle…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="111" />
      <source>&amp;Change…</source>
      <translation>Modifi&amp;er…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="113" />
      <location filename="../../ui/price_list_admin.py" line="234" />
      <source>Ta&amp;ke off the list</source>
      <translation>Retirer de l&amp;a liste</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="118" />
      <source>What the clinic charges. An invoice copies an item's price when the line is added: a new price applies to new lines only.</source>
      <translation>Ce que le centre facture. Une facture copie le prix d’un article au moment où la ligne est ajoutée : un nouveau prix ne s’applique qu’aux nouvelles lignes.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="191" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="191" />
      <source>no: taken off</source>
      <translation>non : retiré</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="196" />
      <source>No item yet: add what the clinic charges with Add an item…</source>
      <translation>Aucun article pour l’instant : ajoutez ce que le centre facture avec Ajouter un article…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="198" />
      <source>Choose the clinic's currency first: prices are in it.</source>
      <translation>Choisissez d’abord la monnaie du centre : les prix sont exprimés dans celle-ci.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="212" />
      <source>Bills are in {name}. It stays so once the price list or an invoice holds amounts in it.</source>
      <translation>Les factures sont en {name}. Elle ne change plus dès que la grille tarifaire ou une facture contient des montants dans cette monnaie.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="219" />
      <source>Not set yet: choose it before the first price or invoice.</source>
      <translation>Pas encore définie : choisissez-la avant le premier prix ou la première facture.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="232" />
      <source>Put bac&amp;k on the list</source>
      <translation>Remettre sur l&amp;a liste</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="265" />
      <source>Saving the currency…</source>
      <translation>Enregistrement de la monnaie…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="272" />
      <source>&amp;Code:</source>
      <translation>&amp;Code :</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="274" />
      <source>Short, as it is said at the desk: CONS, RDT, FBC.</source>
      <translation>Court, comme on le dit au guichet : CONS, TDR, NFS.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="276" />
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="279" />
      <source>C&amp;ategory:</source>
      <translation>C&amp;atégorie :</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="281" />
      <source>e.g. consultation, laboratory, pharmacy (may be left empty).</source>
      <translation>par ex. consultation, laboratoire, pharmacie (peut rester vide).</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="285" />
      <source>&amp;Price:</source>
      <translation>&amp;Prix :</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="287" />
      <source>In {currency}, as you write it (1500 or 1,500.50).</source>
      <translation>En {currency}, comme vous l’écrivez (1500 ou 1 500,50).</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="296" />
      <source>New price list item</source>
      <translation>Nouvel article de la grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="296" />
      <source>Add to the price list</source>
      <translation>Ajouter à la grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="318" />
      <source>Change {name}</source>
      <translation>Modifier {name}</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="318" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
  </context>
  <context>
    <name>PricePicker</name>
    <message>
      <location filename="../../ui/invoice_screen.py" line="825" />
      <source>Add from the price list</source>
      <translation>Ajouter depuis la grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="829" />
      <source>code, name or category</source>
      <translation>code, nom ou catégorie</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Item</source>
      <translation>Article</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Price</source>
      <translation>Prix</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="838" />
      <source>Price list</source>
      <translation>Grille tarifaire</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="848" />
      <source>Add to the invoice</source>
      <translation>Ajouter à la facture</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="852" />
      <source>&amp;Find:</source>
      <translation>&amp;Chercher :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="856" />
      <source>&amp;Quantity:</source>
      <translation>&amp;Quantité :</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="885" />
      <source>Nothing on the price list matches.</source>
      <translation>Rien dans la grille tarifaire ne correspond.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="887" />
      <source>The price list is empty: an administrator fills it in Settings → Billing.</source>
      <translation>La grille tarifaire est vide : un administrateur la remplit dans Réglages → Facturation.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="894" />
      <source>Loading the price list…</source>
      <translation>Chargement de la grille tarifaire…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="918" />
      <source>Choose an item of the price list.</source>
      <translation>Choisissez un article de la grille tarifaire.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="938" />
      <source>Adding the line…</source>
      <translation>Ajout de la ligne…</translation>
    </message>
  </context>
  <context>
    <name>PrintPreview</name>
    <message>
      <location filename="../../ui/print_preview.py" line="78" />
      <source>This installation of Outpost cannot show PDFs (pypdfium2 is missing).</source>
      <translation>Cette installation d’Outpost ne peut pas afficher les PDF (pypdfium2 manque).</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="130" />
      <location filename="../../ui/print_preview.py" line="586" />
      <location filename="../../ui/print_preview.py" line="590" />
      <source>The printer could not be started.</source>
      <translation>L’imprimante n’a pas pu être démarrée.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="139" />
      <source>Printing page {page} of {pages}…</source>
      <translation>Impression de la page {page} sur {pages}…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="161" />
      <source>Page {page}</source>
      <translation>Page {page}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="214" />
      <source>Print preview — {title}</source>
      <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="235" />
      <source>Previous page</source>
      <translation>Page précédente</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="236" />
      <source>Previous page (Page Up)</source>
      <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="240" />
      <source>Next page</source>
      <translation>Page suivante</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="241" />
      <source>Next page (Page Down)</source>
      <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="244" />
      <source>Page number</source>
      <translation>Numéro de page</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="249" />
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="250" />
      <source>Fit width</source>
      <translation>Pleine largeur</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="251" />
      <source>Whole page</source>
      <translation>Page entière</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="256" />
      <source>Paper size</source>
      <translation>Format du papier</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="262" />
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="271" />
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="278" />
      <source>&amp;Zoom:</source>
      <translation>&amp;Zoom :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="283" />
      <source>P&amp;aper:</source>
      <translation>P&amp;apier :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="287" />
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="303" />
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="310" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="313" />
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="315" />
      <location filename="../../ui/print_preview.py" line="599" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="356" />
      <location filename="../../ui/print_preview.py" line="374" />
      <source>Preparing the pages…</source>
      <translation>Préparation des pages…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="370" />
      <source>The pages could not be prepared.</source>
      <translation>Les pages n’ont pas pu être préparées.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="398" />
      <source>of {pages}</source>
      <translation>sur {pages}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="399" />
      <source>Pages: {count}</source>
      <translation>Pages : {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="540" />
      <location filename="../../ui/print_preview.py" line="589" />
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="558" />
      <location filename="../../ui/print_preview.py" line="577" />
      <source>Printing…</source>
      <translation>Impression…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="564" />
      <source>Pages sent to the printer: {count}</source>
      <translation>Pages envoyées à l’imprimante : {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="592" />
      <source>Check that a printer is set up on this laptop, connected and switched on, then try again. Or save the pages as a PDF, to print them later or from another computer.</source>
      <translation>Vérifiez qu’une imprimante est installée sur cet ordinateur, branchée et allumée, puis réessayez. Ou enregistrez les pages en PDF, pour les imprimer plus tard ou depuis un autre ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="598" />
      <source>Save as PDF…</source>
      <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="619" />
      <location filename="../../ui/print_preview.py" line="637" />
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="620" />
      <source>The PDF file is not encrypted.</source>
      <translation>Le fichier PDF n’est pas chiffré.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="622" />
      <source>Anyone who opens the file can read the patient's information in it. Save it only where it must go, and delete it once it is no longer needed.</source>
      <translation>Toute personne qui ouvre le fichier peut lire les informations du patient. Enregistrez-le seulement là où il doit aller, et supprimez-le dès qu’il n’est plus utile.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="627" />
      <source>Save the PDF</source>
      <translation>Enregistrer le PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="628" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="639" />
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="664" />
      <source>Saved as {path}</source>
      <translation>Enregistré sous {path}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="671" />
      <source>Saving the PDF…</source>
      <translation>Enregistrement du PDF…</translation>
    </message>
  </context>
  <context>
    <name>QrScan</name>
    <message>
      <location filename="../../ui/qr_scan.py" line="154" />
      <location filename="../../ui/qr_scan.py" line="309" />
      <source>Camera</source>
      <translation>Caméra</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="238" />
      <source>Outpost is not allowed to use the camera. Allow it in the system's privacy settings, or press Cancel and type HQ's address and the code.</source>
      <translation>Outpost n’est pas autorisé à utiliser la caméra. Autorisez-le dans les paramètres de confidentialité du système, ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="253" />
      <source>The camera could not be used ({reason}). Check that no other program is using it, or press Cancel and type HQ's address and the code.</source>
      <translation>La caméra n’a pas pu être utilisée ({reason}). Vérifiez qu’aucun autre programme ne l’utilise, ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="256" />
      <source>no reason given</source>
      <translation>aucune raison donnée</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="291" />
      <source>Scan the code on HQ's screen</source>
      <translation>Scanner le code affiché par le siège</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="301" />
      <source>Hold the QR code that HQ's console shows for this clinic in front of this laptop's camera. HQ's address and the code are filled in as soon as it is read.</source>
      <translation>Présentez devant la caméra de cet ordinateur le code QR que la console du siège affiche pour ce centre. L’adresse du siège et le code sont remplis dès qu’il est lu.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="315" />
      <location filename="../../ui/qr_scan.py" line="370" />
      <source>Starting the camera…</source>
      <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="361" />
      <source>No camera is connected. Press Cancel and type HQ's address and the code.</source>
      <translation>Aucune caméra n’est branchée. Appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="379" />
      <source>Looking for the QR code…</source>
      <translation>Recherche du code QR…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="402" />
      <source>This QR code is an enrolment link this Outpost cannot use. {why} HQ's console also shows the address and the code as text: press Cancel to type them.</source>
      <translation>Ce code QR est un lien d’inscription que cette version d’Outpost ne peut pas utiliser. {why} La console du siège affiche aussi l’adresse et le code en texte : appuyez sur Annuler pour les saisir.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="408" />
      <source>This QR code is not an Outpost enrolment link. Show the QR code from HQ's console (Enrolment, for this clinic), or press Cancel and type HQ's address and the code.</source>
      <translation>Ce code QR n’est pas un lien d’inscription Outpost. Présentez le code QR de la console du siège (rubrique Enrolment, pour ce centre), ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="416" />
      <source>Read: HQ's address and the code are filled in.</source>
      <translation>Lu : l’adresse du siège et le code sont remplis.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="434" />
      <source>No picture comes from the camera. Check that no other program is using it, or press Cancel and type HQ's address and the code.</source>
      <translation>Aucune image ne vient de la caméra. Vérifiez qu’aucun autre programme ne l’utilise, ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="441" />
      <source>No QR code read yet. Hold it steady, a little closer and out of glare, or press Cancel and type HQ's address and the code.</source>
      <translation>Aucun code QR lu pour l’instant. Tenez-le immobile, un peu plus près et à l’abri des reflets, ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="478" />
      <source>Scan QR co&amp;de…</source>
      <translation>Scanner le code &amp;QR…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="480" />
      <source>Read HQ's address and the code from the QR code on HQ's screen</source>
      <translation>Lire l’adresse du siège et le code dans le code QR affiché par le siège</translation>
    </message>
    <message>
      <source>This QR code is not an Outpost enrolment link: {why} Show the QR code from HQ's console (Enrolment), or press Cancel and type HQ's address and the code.</source>
      <translation type="vanished">Ce code QR n’est pas un lien d’inscription Outpost : {why} Présentez le code QR de la console du siège (rubrique Enrolment), ou appuyez sur Annuler et saisissez l’adresse du siège et le code.</translation>
    </message>
  </context>
  <context>
    <name>RecordSummary</name>
    <message>
      <location filename="../../ui/record_summary.py" line="87" />
      <source>No appointment booked</source>
      <translation>Aucun rendez-vous pris</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="89" />
      <source>{date} {time}</source>
      <translation>{date} {time}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="93" />
      <source>today {time}</source>
      <translation>aujourd’hui {time}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="94" />
      <source>Next appointment: {when}, {provider}</source>
      <translation>Prochain rendez-vous : {when}, {provider}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="98" />
      <source>{text} (⚠ late)</source>
      <translation>{text} (⚠ en retard)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="103" />
      <source>1 open referral</source>
      <translation>1 référence en cours</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="105" />
      <source>{n} open referrals</source>
      <translation>{n} références en cours</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="108" />
      <source>{text} ({n} overdue)</source>
      <translation>{text} ({n} en retard)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="113" />
      <source>No open referral</source>
      <translation>Aucune référence en cours</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="117" />
      <source>1 result to relay</source>
      <translation>1 résultat à transmettre</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="119" />
      <source>{n} results to relay</source>
      <translation>{n} résultats à transmettre</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="122" />
      <source>{text} ({n} urgent)</source>
      <translation>{text} ({n} urgents)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="127" />
      <source>No result to relay</source>
      <translation>Aucun résultat à transmettre</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="131" />
      <source>Allergies not recorded</source>
      <translation>Allergies non renseignées</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="133" />
      <source>reported, not described</source>
      <translation>signalée, non décrite</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="134" />
      <source>⚠ Allergy: {what}</source>
      <translation>⚠ Allergie : {what}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="136" />
      <source>No known allergy</source>
      <translation>Aucune allergie connue</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="138" />
      <source>Allergies not known</source>
      <translation>Allergies inconnues</translation>
    </message>
  </context>
  <context>
    <name>RecordTab</name>
    <message>
      <location filename="../../ui/record_tab.py" line="93" />
      <source>&amp;Open</source>
      <translation>&amp;Ouvrir</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab.py" line="95" />
      <source>Open the selected line (Enter)</source>
      <translation>Ouvrir la ligne sélectionnée (Entrée)</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="36" />
      <source>Forgotten password</source>
      <translation>Mot de passe oublié</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="39" />
      <source>Type the recovery key exactly as printed on the recovery sheet, then choose a new password for the account. (An administrator who is signed in can also reset a password in Settings.)</source>
      <translation>Saisissez la clé de récupération exactement comme sur la feuille imprimée, puis choisissez un nouveau mot de passe pour le compte. (Un administrateur connecté peut aussi réinitialiser un mot de passe dans Réglages.)</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="50" />
      <source>at least {n} characters</source>
      <translation>au moins {n} caractères</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="55" />
      <source>&amp;Recovery key:</source>
      <translation>&amp;Clé de récupération :</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="56" />
      <source>&amp;User name:</source>
      <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="57" />
      <source>&amp;New password:</source>
      <translation>Nou&amp;veau mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="58" />
      <source>&amp;Confirm:</source>
      <translation>Con&amp;firmer :</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="63" />
      <source>&amp;Set the new password</source>
      <translation>&amp;Définir le nouveau mot de passe</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="79" />
      <source>Fill in the recovery key, the user name and the new password.</source>
      <translation>Saisissez la clé de récupération, le nom d’utilisateur et le nouveau mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="84" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Les deux mots de passe sont différents : saisissez deux fois le même.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="107" />
      <source>Setting the new password…</source>
      <translation>Enregistrement du nouveau mot de passe…</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyPreview</name>
    <message>
      <location filename="../../ui/recovery_preview.py" line="20" />
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="21" />
      <source>The PDF file is not encrypted.</source>
      <translation>Le fichier PDF n’est pas chiffré.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="23" />
      <source>Anyone who opens the file can read the clinic's recovery key, which opens every record of the clinic. Print it rather than keep the file; if you save it, keep it only on a USB stick locked away, never on this laptop.</source>
      <translation>Toute personne qui ouvre le fichier peut lire la clé de récupération du centre, qui ouvre tous ses dossiers. Imprimez-la plutôt que de garder le fichier ; si vous l’enregistrez, gardez-le uniquement sur une clé USB rangée sous clé, jamais sur cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="29" />
      <source>Save the PDF</source>
      <translation>Enregistrer le PDF</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="30" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>RecoverySheet</name>
    <message>
      <source>Clinic</source>
      <translation type="vanished">Centre de santé</translation>
    </message>
    <message>
      <source>Made on</source>
      <translation type="vanished">Établie le</translation>
    </message>
    <message>
      <source>Outpost recovery key</source>
      <translation type="vanished">Clé de récupération Outpost</translation>
    </message>
    <message>
      <source>Print the recovery key</source>
      <translation type="vanished">Imprimer la clé de récupération</translation>
    </message>
    <message>
      <source>This key opens the clinic records if every password is forgotten. Keep this page locked away, apart from the laptop. Anyone who has both this page and the laptop can read the records.</source>
      <translation type="vanished">Cette clé ouvre les dossiers du centre si tous les mots de passe sont oubliés. Rangez cette page sous clé, loin de l’ordinateur. Quiconque possède à la fois cette page et l’ordinateur peut lire les dossiers.</translation>
    </message>
    <message>
      <source>To use it: on the sign-in window choose “Forgotten password?”, then type this key exactly as printed.</source>
      <translation type="vanished">Pour l’utiliser : dans la fenêtre de connexion, choisissez « Mot de passe oublié ? », puis saisissez cette clé exactement comme imprimée.</translation>
    </message>
  </context>
  <context>
    <name>ReferralScreen</name>
    <message>
      <location filename="../../ui/referral_screen.py" line="71" />
      <source>New &amp;appointment date…</source>
      <translation>Nouvelle date de &amp;rendez-vous…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="73" />
      <source>Mark as &amp;sent…</source>
      <translation>Marquer comme &amp;envoyée…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="74" />
      <source>&amp;Appointment given…</source>
      <translation>&amp;Rendez-vous obtenu…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="75" />
      <source>Patient s&amp;een…</source>
      <translation>Patient &amp;vu…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="76" />
      <source>&amp;Feedback received…</source>
      <translation>&amp;Contre-référence reçue…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="77" />
      <source>Clos&amp;e the referral…</source>
      <translation>Clô&amp;turer la référence…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="78" />
      <source>Decli&amp;ned…</source>
      <translation>&amp;Déclinée…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="79" />
      <source>&amp;Lost to follow-up…</source>
      <translation>Perdu de v&amp;ue…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="106" />
      <source>Referral</source>
      <translation>Référence</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="109" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="124" />
      <source>Counter-referral</source>
      <translation>Contre-référence</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="146" />
      <source>Open the &amp;patient's record</source>
      <translation>Ouvrir le dossier du &amp;patient</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="148" />
      <source>&amp;Close</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="194" />
      <source>a facility not chosen yet</source>
      <translation>un établissement pas encore choisi</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="196" />
      <source>Referral of {patient} to {where}</source>
      <translation>Référence de {patient} vers {where}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="200" />
      <source>Referral: {patient}</source>
      <translation>Référence : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="206" />
      <source>overdue</source>
      <translation>en retard</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="209" />
      <source>Not received yet.</source>
      <translation>Pas encore reçue.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="227" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="228" />
      <source>Referred to</source>
      <translation>Référé vers</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="228" />
      <source>not chosen yet</source>
      <translation>pas encore choisi</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="229" />
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="230" />
      <source>Referred by</source>
      <translation>Référé par</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="231" />
      <source>Drafted</source>
      <translation>Rédigée</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="232" />
      <source>Sent</source>
      <translation>Envoyée</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="233" />
      <source>Appointment</source>
      <translation>Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="234" />
      <source>Seen</source>
      <translation>Vu</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="235" />
      <source>Feedback received</source>
      <translation>Contre-référence reçue</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="236" />
      <source>Closed</source>
      <translation>Clôturée</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="237" />
      <source>Declined or lost because</source>
      <translation>Déclinée ou perdu de vue parce que</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="238" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="273" />
      <source>{step}: {patient}</source>
      <translation>{step} : {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="277" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="282" />
      <location filename="../../ui/referral_screen.py" line="387" />
      <source>&amp;Referred to:</source>
      <translation>&amp;Référé vers :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="283" />
      <source>&amp;Sent on:</source>
      <translation>Envoyée &amp;le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="291" />
      <source>&amp;Appointment on:</source>
      <translation>&amp;Rendez-vous le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="299" />
      <source>&amp;Seen on:</source>
      <translation>&amp;Vu le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="307" />
      <source>What the &amp;counter-referral says:</source>
      <translation>Ce que dit la &amp;contre-référence :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="310" />
      <source>&amp;Received on:</source>
      <translation>&amp;Reçue le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="322" />
      <source>&amp;Counter-referral, if one came back:</source>
      <translation>&amp;Contre-référence, s’il y en a une :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="323" />
      <source>Closed &amp;on:</source>
      <translation>Clôturée &amp;le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="336" />
      <location filename="../../ui/referral_screen.py" line="389" />
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="337" />
      <source>Who declined, or what is known of the patient.</source>
      <translation>Qui a décliné, ou ce que l’on sait du patient.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="340" />
      <source>Declined &amp;on:</source>
      <translation>Déclinée &amp;le :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="383" />
      <source>Refer {patient}</source>
      <translation>Référer {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="384" />
      <source>Save the referral</source>
      <translation>Enregistrer la référence</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="387" />
      <source>(choose later: kept as a draft)</source>
      <translation>(choisir plus tard : gardée comme brouillon)</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="389" />
      <source>What the facility should know and do.</source>
      <translation>Ce que l’établissement doit savoir et faire.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="392" />
      <source>&amp;Urgency:</source>
      <translation>&amp;Urgence :</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="396" />
      <source>The referral was &amp;sent today</source>
      <translation>La référence a été &amp;envoyée aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="397" />
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
  </context>
  <context>
    <name>ReferralsTab</name>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="31" />
      <source>Referra&amp;ls</source>
      <translation>Référenc&amp;es</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="35" />
      <source>To</source>
      <translation>Vers</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="36" />
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="37" />
      <source>Urgency</source>
      <translation>Urgence</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="38" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="39" />
      <source>Drafted</source>
      <translation>Rédigée</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="40" />
      <source>Sent</source>
      <translation>Envoyée</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="50" />
      <source>No referrals for this patient.</source>
      <translation>Aucune référence pour ce patient.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="54" />
      <source>Routine</source>
      <translation>Ordinaire</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="55" />
      <source>Urgent</source>
      <translation>Urgente</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="56" />
      <source>Emergency</source>
      <translation>Urgence vitale</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="62" />
      <source>⚠ {status} · overdue</source>
      <translation>⚠ {status} · en retard</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="64" />
      <source>(not chosen yet)</source>
      <translation>(pas encore choisi)</translation>
    </message>
  </context>
  <context>
    <name>ResultScreen</name>
    <message>
      <location filename="../../ui/result_screen.py" line="110" />
      <source>Result</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="113" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="129" />
      <source>Measured</source>
      <translation>Mesuré</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="130" />
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="131" />
      <source>Unit</source>
      <translation>Unité</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="132" />
      <source>Flag</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="133" />
      <source>Normal range</source>
      <translation>Valeurs normales</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="136" />
      <source>Values of the result</source>
      <translation>Valeurs du résultat</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>How</source>
      <translation>Moyen</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>Outcome</source>
      <translation>Issue</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>By</source>
      <translation>Par</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="143" />
      <source>Attempts to tell the patient</source>
      <translation>Tentatives pour informer le patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="149" />
      <source>The result</source>
      <translation>Le résultat</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="153" />
      <source>Telling the patient</source>
      <translation>Information du patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="167" />
      <source>Record a &amp;contact attempt…</source>
      <translation>Enregistrer une &amp;tentative de contact…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="170" />
      <location filename="../../ui/result_screen.py" line="387" />
      <source>Record &amp;received…</source>
      <translation>Enregistrer la &amp;réception…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="172" />
      <source>Re&amp;view…</source>
      <translation>E&amp;xaminer…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="173" />
      <source>&amp;Escalate…</source>
      <translation>Faire re&amp;monter…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="174" />
      <source>Mark &amp;sent…</source>
      <translation>Marquer comme en&amp;voyé…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="175" />
      <source>Ca&amp;ncel the test…</source>
      <translation>A&amp;nnuler l’examen…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="176" />
      <source>Open the &amp;patient's record</source>
      <translation>Ouvrir le dossier du &amp;patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="178" />
      <source>C&amp;lose</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="244" />
      <source>{test} — {patient}</source>
      <translation>{test} — {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="246" />
      <source>Result: {test}</source>
      <translation>Résultat : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="249" />
      <source>urgent</source>
      <translation>urgent</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="251" />
      <source>⚠ not reached in time: escalate</source>
      <translation>⚠ non joint à temps : faire remonter</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="253" />
      <source>⚠ late from the lab</source>
      <translation>⚠ en retard du laboratoire</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="256" />
      <source>1 attempt to tell the patient</source>
      <translation>1 tentative pour informer le patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="258" />
      <source>{n} attempts to tell the patient</source>
      <translation>{n} tentatives pour informer le patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="276" />
      <source>{who}, {when}</source>
      <translation>{who}, {when}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="277" />
      <location filename="../../ui/result_screen.py" line="286" />
      <source>someone not known here</source>
      <translation>une personne inconnue ici</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="284" />
      <source>{when}, by {who}</source>
      <translation>{when}, par {who}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="289" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="290" />
      <source>Test</source>
      <translation>Examen</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="291" />
      <source>Sent to</source>
      <translation>Envoyé à</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="291" />
      <source>in-house, or not said</source>
      <translation>sur place, ou non précisé</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="292" />
      <source>Ordered</source>
      <translation>Demandé</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="293" />
      <source>Sent</source>
      <translation>Envoyé</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="294" />
      <source>Expected</source>
      <translation>Attendu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="295" />
      <source>Received</source>
      <translation>Reçu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="296" />
      <location filename="../../ui/result_screen.py" line="492" />
      <source>Reviewed</source>
      <translation>Examiné</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="296" />
      <source>not yet</source>
      <translation>pas encore</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="297" />
      <source>Escalated</source>
      <translation>Remonté</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="298" />
      <source>Patient informed</source>
      <translation>Patient informé</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="299" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="300" />
      <source>Scanned report</source>
      <translation>Compte rendu scanné</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="317" />
      <source>Not received yet.</source>
      <translation>Pas encore reçu.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="340" />
      <source>No attempt yet.</source>
      <translation>Aucune tentative pour l’instant.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="387" />
      <source>Co&amp;rrect the result…</source>
      <translation>Co&amp;rriger le résultat…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="392" />
      <source>A clinician reviews results.</source>
      <translation>Ce sont les cliniciens qui examinent les résultats.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="413" />
      <source>Contact attempt: {test}</source>
      <translation>Tentative de contact : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="415" />
      <source>Telling {patient} (phone {phone}) about the result.</source>
      <translation>Informer {patient} (téléphone {phone}) du résultat.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="419" />
      <source>Telling {patient} about the result (no phone on record).</source>
      <translation>Informer {patient} du résultat (aucun téléphone dans le dossier).</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="423" />
      <source>Record the attempt</source>
      <translation>Enregistrer la tentative</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="427" />
      <source>&amp;How:</source>
      <translation>&amp;Moyen :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="433" />
      <source>&amp;Outcome:</source>
      <translation>&amp;Issue :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="437" />
      <source>&amp;When:</source>
      <translation>&amp;Quand :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="438" />
      <source>&amp;Note:</source>
      <translation>&amp;Note :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="455" />
      <source>Correct the result: {test}</source>
      <translation>Corriger le résultat : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="455" />
      <source>Received: {test}</source>
      <translation>Reçu : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="457" />
      <source>Give the result's text, its values, or both. A value flagged critical makes the result urgent.</source>
      <translation>Indiquez le texte du résultat, ses valeurs, ou les deux. Une valeur marquée critique rend le résultat urgent.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="461" />
      <source>Save the result</source>
      <translation>Enregistrer le résultat</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="464" />
      <source>&amp;Received on:</source>
      <translation>&amp;Reçu le :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="465" />
      <source>Result &amp;text:</source>
      <translation>&amp;Texte du résultat :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="466" />
      <source>&amp;Values:</source>
      <translation>&amp;Valeurs :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="469" />
      <source>&amp;Urgent: relay it first</source>
      <translation>&amp;Urgent : à transmettre en premier</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="492" />
      <source>Review: {test}</source>
      <translation>Examen du résultat : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="494" />
      <source>Review &amp;note:</source>
      <translation>&amp;Note d’examen :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="505" />
      <source>Escalate: {test}</source>
      <translation>Faire remonter : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="506" />
      <source>The patient could not be reached in time: hand the result on (a clinician, a community health worker's visit). Attempts to tell the patient go on.</source>
      <translation>Le patient n’a pas pu être joint à temps : transmettez le résultat (à un clinicien, pour une visite de l’agent de santé communautaire). Les tentatives pour informer le patient continuent.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="510" />
      <source>Escalate</source>
      <translation>Faire remonter</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="512" />
      <source>To &amp;whom, or how:</source>
      <translation>À &amp;qui, ou comment :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="523" />
      <source>Sent: {test}</source>
      <translation>Envoyé : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="523" />
      <source>Mark sent</source>
      <translation>Marquer comme envoyé</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="525" />
      <source>&amp;Sent on:</source>
      <translation>Envoyé &amp;le :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="526" />
      <source>Sent &amp;to:</source>
      <translation>Envoyé &amp;à :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="526" />
      <source>(as ordered)</source>
      <translation>(comme demandé)</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="541" />
      <source>Cancel the test: {test}</source>
      <translation>Annuler l’examen : {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="542" />
      <source>Cancel the test</source>
      <translation>Annuler l’examen</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="544" />
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="545" />
      <source>Keep it</source>
      <translation>Le garder</translation>
    </message>
  </context>
  <context>
    <name>ResultsTab</name>
    <message>
      <location filename="../../ui/record_tab_results.py" line="41" />
      <source>Resul&amp;ts</source>
      <translation>Rés&amp;ultats</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="45" />
      <source>Test</source>
      <translation>Examen</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="46" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="47" />
      <source>Ordered</source>
      <translation>Demandé</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="48" />
      <source>Received</source>
      <translation>Reçu</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="49" />
      <source>Tries to tell</source>
      <translation>Tentatives d’information</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="50" />
      <source>Sent to</source>
      <translation>Envoyé à</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="60" />
      <source>No results for this patient.</source>
      <translation>Aucun résultat pour ce patient.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="69" />
      <source>{status} · late from the lab</source>
      <translation>{status} · en retard du laboratoire</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="71" />
      <source>{status} · to escalate</source>
      <translation>{status} · à faire remonter</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="81" />
      <source>Urgent</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="86" />
      <source>Last try: {outcome}</source>
      <translation>Dernière tentative : {outcome}</translation>
    </message>
  </context>
  <context>
    <name>SessionLock</name>
    <message>
      <location filename="../../ui/lock.py" line="240" />
      <source>That is not the password of {username}. Try again.</source>
      <translation>Ce n’est pas le mot de passe de {username}. Réessayez.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="246" />
      <source>Too many wrong passwords. Wait {seconds} s, then try again.</source>
      <translation>Trop de mots de passe erronés. Attendez {seconds} s, puis réessayez.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="254" />
      <source>The password could not be checked (an unexpected error, now in the log).</source>
      <translation>Le mot de passe n’a pas pu être vérifié (erreur inattendue, inscrite au journal).</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="266" />
      <source>Checking the password…</source>
      <translation>Vérification du mot de passe…</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <location filename="../../ui/settings_view.py" line="46" />
      <source>Ge&amp;neral</source>
      <translation>&amp;Général</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="52" />
      <source>&amp;Backups</source>
      <translation>&amp;Sauvegardes</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="57" />
      <source>&amp;Users</source>
      <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="63" />
      <source>Schemes</source>
      <translation>Régimes</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="65" />
      <source>The clinic's schemes and insurers</source>
      <translation>Les régimes et assureurs du centre</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="71" />
      <source>Cl&amp;inic</source>
      <translation>&amp;Centre de santé</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="76" />
      <source>Billing</source>
      <translation>Facturation</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="78" />
      <source>The clinic's currency and price list</source>
      <translation>La monnaie et la grille tarifaire du centre</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="84" />
      <source>Forms</source>
      <translation>Formulaires</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="86" />
      <source>The clinic's installed forms</source>
      <translation>Les formulaires installés par le centre</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="91" />
      <source>H&amp;Q</source>
      <translation>Si&amp;ège</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="93" />
      <source>Settings</source>
      <translation>Réglages</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation type="vanished">&amp;Centre de santé</translation>
    </message>
    <message>
      <source>&amp;General</source>
      <translation type="vanished">&amp;Général</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <location filename="../../ui/setup_wizard.py" line="64" />
      <source>Setting up the clinic</source>
      <translation>Mise en place de la clinique</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="86" />
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="87" />
      <location filename="../../ui/setup_wizard.py" line="443" />
      <source>&amp;Next &gt;</source>
      <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="88" />
      <source>&amp;Finish</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="89" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="112" />
      <source>Welcome to Outpost</source>
      <translation>Bienvenue dans Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="114" />
      <source>This laptop holds no clinic records yet. In {steps} short steps you will name the clinic, set out its week (opening hours, a first provider and an appointment type), create the first administrator's account, and receive the recovery key.

Everything is kept encrypted on this laptop, in this folder:</source>
      <translation>Cet ordinateur ne contient encore aucun dossier. En {steps} courtes étapes, vous allez nommer le centre, organiser sa semaine (horaires d’ouverture, un premier soignant et un type de rendez-vous), créer le compte du premier administrateur et recevoir la clé de récupération.

Tout est conservé chiffré sur cet ordinateur, dans ce dossier :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="126" />
      <source>&amp;Set up a new clinic on this laptop</source>
      <translation>&amp;Créer un nouveau centre sur cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="130" />
      <source>&amp;Join an existing clinic: HQ knows it, and its records come from HQ</source>
      <translation>&amp;Rejoindre un centre existant : le siège le connaît, et ses dossiers viennent du siège</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="134" />
      <source>For a new or replacement laptop of a clinic that already syncs with HQ: you need HQ's address, an enrolment code from HQ, and your own account of the clinic.</source>
      <translation>Pour un ordinateur nouveau ou de remplacement d’un centre qui se synchronise déjà avec le siège : il vous faut l’adresse du siège, un code d’inscription donné par le siège et votre propre compte du centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="155" />
      <source>The clinic</source>
      <translation>Le centre de santé</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="159" />
      <source>e.g. Kisumu Health Post</source>
      <translation>p. ex. Poste de santé de Kisumu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="175" />
      <source>Clinic na&amp;me:</source>
      <translation>&amp;Nom du centre :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="176" />
      <source>&amp;Country:</source>
      <translation>Pa&amp;ys :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="177" />
      <source>&amp;Time zone:</source>
      <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="185" />
      <source>The country sets how phone numbers are read; the time zone sets the clinic's clock for appointments.</source>
      <translation>Le pays détermine la lecture des numéros de téléphone ; le fuseau horaire règle l’heure du centre pour les rendez-vous.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="201" />
      <source>The clinic's week</source>
      <translation>La semaine du centre</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="203" />
      <source>So that appointments can be booked from the start: when the clinic is open, who sees patients, and the usual kind of visit. All of it can be changed, and more added, in Settings → Clinic.</source>
      <translation>Pour pouvoir prendre des rendez-vous dès le début : quand le centre est ouvert, qui reçoit les patients et le type de visite habituel. Tout cela peut être modifié, et complété, dans Réglages → Centre de santé.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="214" />
      <source>e.g. Dr. Achieng Otieno</source>
      <translation>p. ex. Dr Achieng Otieno</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="216" />
      <source>e.g. Clinical officer</source>
      <translation>p. ex. Infirmier clinicien</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="217" />
      <source>Consultation</source>
      <translation>Consultation</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="222" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="226" />
      <source>First &amp;provider:</source>
      <translation>Premier soi&amp;gnant :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="227" />
      <source>Their t&amp;itle:</source>
      <translation>Sa &amp;fonction :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="228" />
      <source>Appointment &amp;type:</source>
      <translation>T&amp;ype de rendez-vous :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="229" />
      <source>&amp;Duration:</source>
      <translation>&amp;Durée :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="234" />
      <source>closed</source>
      <translation>fermé</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="238" />
      <source>Opening hours, e.g. 08:00–13:00, 14:00–17:00; leave a day empty when the clinic is closed. The first provider works these hours.</source>
      <translation>Horaires d’ouverture, p. ex. 08:00–13:00, 14:00–17:00 ; laissez vide un jour où le centre est fermé. Le premier soignant travaille à ces horaires.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="246" />
      <source>Opening hours</source>
      <translation>Horaires d’ouverture</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="263" />
      <source>The first administrator</source>
      <translation>Le premier administrateur</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="265" />
      <source>The administrator adds the other users and looks after the clinic's settings and backups.</source>
      <translation>L’administrateur ajoute les autres utilisateurs et s’occupe des réglages et des sauvegardes du centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="274" />
      <source>e.g. Amina Odhiambo</source>
      <translation>p. ex. Amina Odhiambo</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="276" />
      <source>e.g. amina</source>
      <translation>p. ex. amina</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="282" />
      <source>Password: at least {n} characters; a short sentence is easier to remember than a jumble. Not the same as the user name.</source>
      <translation>Mot de passe : au moins {n} caractères ; une courte phrase se retient plus facilement qu’un charabia. Différent du nom d’utilisateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="290" />
      <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
      <translation>Lettres minuscules, chiffres, « . », « _ » ou « - », en commençant par une lettre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="294" />
      <source>Full na&amp;me:</source>
      <translation>&amp;Nom complet :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="295" />
      <source>&amp;User name:</source>
      <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="296" />
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="297" />
      <source>&amp;Confirm password:</source>
      <translation>&amp;Confirmer le mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="315" />
      <source>Your recovery key</source>
      <translation>Votre clé de récupération</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="317" />
      <source>If every password is forgotten, this key is the only way back into the clinic's records. It is shown now and never again. Print it or write it down, and keep it locked away, apart from this laptop.</source>
      <translation>Si tous les mots de passe sont oubliés, cette clé est le seul moyen d’accéder de nouveau aux dossiers du centre. Elle s’affiche maintenant et plus jamais ensuite. Imprimez-la ou notez-la, et rangez-la sous clé, loin de cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="333" />
      <source>Recovery key</source>
      <translation>Clé de récupération</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="334" />
      <source>&amp;Print the recovery key…</source>
      <translation>&amp;Imprimer la clé de récupération…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="335" />
      <source>I have &amp;written down or printed the recovery key</source>
      <translation>J’ai &amp;noté ou imprimé la clé de récupération</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="381" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Les deux mots de passe sont différents : saisissez deux fois le même.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="383" />
      <source>Give the clinic's name.</source>
      <translation>Indiquez le nom du centre.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="384" />
      <source>Choose the country.</source>
      <translation>Choisissez le pays.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="385" />
      <source>Choose the time zone.</source>
      <translation>Choisissez le fuseau horaire.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="386" />
      <source>Name the first provider (more can be added later in Settings).</source>
      <translation>Indiquez le premier soignant (d’autres pourront être ajoutés plus tard dans Réglages).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="389" />
      <source>Name the usual kind of appointment.</source>
      <translation>Indiquez le type de rendez-vous habituel.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="390" />
      <source>Give the administrator's full name.</source>
      <translation>Indiquez le nom complet de l’administrateur.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="391" />
      <source>Choose a user name for signing in.</source>
      <translation>Choisissez un nom d’utilisateur pour la connexion.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="392" />
      <source>Choose a password.</source>
      <translation>Choisissez un mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="433" />
      <source>Step {step} of {steps}</source>
      <translation>Étape {step} sur {steps}</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="443" />
      <source>&amp;Join the clinic</source>
      <translation>&amp;Rejoindre le centre</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="487" />
      <source>Creating the encrypted store…</source>
      <translation>Création de la base chiffrée…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="546" />
      <source>Recovery key sheet</source>
      <translation>Fiche de la clé de récupération</translation>
    </message>
    <message>
      <source>Clinic &amp;name:</source>
      <translation type="vanished">&amp;Nom du centre :</translation>
    </message>
    <message>
      <source>Full &amp;name:</source>
      <translation type="vanished">&amp;Nom complet :</translation>
    </message>
    <message>
      <source>Set up Outpost</source>
      <translation type="vanished">Installer Outpost</translation>
    </message>
    <message>
      <source>Their &amp;title:</source>
      <translation type="vanished">Sa &amp;fonction :</translation>
    </message>
    <message>
      <source>This is required.</source>
      <translation type="vanished">Ce champ est obligatoire.</translation>
    </message>
    <message>
      <source>This laptop holds no clinic records yet. In three short steps you will name the clinic, create the first administrator's account, and receive the recovery key.

Everything is kept encrypted on this laptop, in this folder:</source>
      <translation type="vanished">Cet ordinateur ne contient encore aucun dossier. En trois courtes étapes, vous allez nommer le centre, créer le compte du premier administrateur et recevoir la clé de récupération.

Tout est conservé chiffré sur cet ordinateur, dans ce dossier :</translation>
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
  <context>
    <name>SyncAuto</name>
    <message>
      <location filename="../../ui/sync_auto.py" line="232" />
      <source>Closing Outpost</source>
      <translation>Fermeture d’Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/sync_auto.py" line="234" />
      <source>Sending this laptop's {n} waiting changes to HQ before closing. Outpost closes in {seconds} seconds at most; what is not sent waits safely for the next sync.</source>
      <translation>Envoi au siège des {n} modifications en attente sur cet ordinateur avant la fermeture. Outpost se ferme dans {seconds} secondes au plus ; ce qui n’est pas envoyé attend sans risque la prochaine synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_auto.py" line="240" />
      <source>Close &amp;now</source>
      <translation>Fermer &amp;maintenant</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <location filename="../../ui/sync_page.py" line="125" />
      <source>Sync &amp;now</source>
      <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="125" />
      <source>Sync with HQ now (Ctrl+Shift+S)</source>
      <translation>Synchroniser maintenant avec le siège (Ctrl+Maj+S)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="129" />
      <source>&amp;Cancel the sync</source>
      <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="132" />
      <source>Connect &amp;to HQ…</source>
      <translation>Se connecter au &amp;siège…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="139" />
      <source>Sync progress</source>
      <translation>Avancement de la synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="156" />
      <location filename="../../ui/sync_page.py" line="176" />
      <source>This session's syncs</source>
      <translation>Synchronisations de cette session</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="160" />
      <source>This laptop and HQ</source>
      <translation>Cet ordinateur et le siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="165" />
      <source>Needs attent&amp;ion…</source>
      <translation>Éléments à &amp;examiner…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="169" />
      <source>Sync</source>
      <translation>Synchronisation</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="181" />
      <source>Sync with HQ</source>
      <translation>Synchronisation avec le siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="212" />
      <source>HQ: {url}</source>
      <translation>Siège : {url}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="217" />
      <source>Last successful sync: {when}</source>
      <translation>Dernière synchronisation réussie : {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="222" />
      <source>Changes waiting to be sent: {n}</source>
      <translation>Modifications en attente d’envoi : {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="224" />
      <source>Items needing attention: {n}</source>
      <translation>Éléments à examiner : {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="227" />
      <source>Next automatic try: {when}</source>
      <translation>Prochain essai automatique : {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="233" />
      <source>Automatic sync is off (metered link): this laptop syncs only when you press Sync now.</source>
      <translation>La synchronisation automatique est désactivée (connexion facturée au volume) : cet ordinateur ne se synchronise que lorsque vous appuyez sur Synchroniser maintenant.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="239" />
      <source>Last attempt failed: {why}</source>
      <translation>La dernière tentative a échoué : {why}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="242" />
      <source>This clinic was set up on this laptop and is not joined to HQ yet. Ask HQ for an enrolment code, then connect to HQ (Settings → HQ).</source>
      <translation>Ce centre a été créé sur cet ordinateur et n’est pas encore relié au siège. Demandez un code d’inscription au siège, puis connectez-vous au siège (Paramètres → Siège).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="247" />
      <source>This clinic is not joined to HQ yet: an administrator of the clinic connects it to HQ (Settings → HQ), with an enrolment code from HQ.</source>
      <translation>Ce centre n’est pas encore relié au siège : un administrateur du centre le connecte au siège (Paramètres → Siège), avec un code d’inscription du siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="293" />
      <source>Starting an automatic sync…</source>
      <translation>Démarrage d’une synchronisation automatique…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="293" />
      <source>Starting…</source>
      <translation>Démarrage…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="310" />
      <location filename="../../ui/sync_page.py" line="332" />
      <source>Stopping at the next step…</source>
      <translation>Arrêt à la prochaine étape…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="320" />
      <source>Reaching HQ…</source>
      <translation>Contact avec le siège…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="321" />
      <source>Sending attachments…</source>
      <translation>Envoi des pièces jointes…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="322" />
      <source>Sending changes…</source>
      <translation>Envoi des modifications…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="323" />
      <source>Receiving changes…</source>
      <translation>Réception des modifications…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="324" />
      <source>Checking that both sides hold the same records…</source>
      <translation>Vérification que les deux côtés ont les mêmes dossiers…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="326" />
      <source>Syncing…</source>
      <translation>Synchronisation…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="328" />
      <source>{done} of {total}</source>
      <translation>{done} sur {total}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="330" />
      <source>{done} so far</source>
      <translation>{done} jusqu’ici</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="340" />
      <source>Sync cancelled. What was received is kept; {n} changes wait to be sent at the next sync.</source>
      <translation>Synchronisation annulée. Ce qui a été reçu est conservé ; {n} modifications attendent d’être envoyées à la prochaine synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="347" />
      <source>Sync finished.</source>
      <translation>Synchronisation terminée.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="350" />
      <location filename="../../ui/sync_page.py" line="378" />
      <source>Automatic: {what}</source>
      <translation>Automatique : {what}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="359" />
      <source>New recovery key</source>
      <translation>Nouvelle clé de récupération</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="360" />
      <source>The clinic's key changed with this sync. New recovery key: {key}
Write it down or print it now: the old recovery sheet no longer opens the store.</source>
      <translation>La clé du centre a changé avec cette synchronisation. Nouvelle clé de récupération : {key}
Notez-la ou imprimez-la maintenant : l’ancienne feuille de récupération n’ouvre plus les données.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="370" />
      <location filename="../../ui/sync_page.py" line="480" />
      <source>The sync did not finish.</source>
      <translation>La synchronisation n’a pas abouti.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="397" />
      <source>{sent} sent, {received} received</source>
      <translation>{sent} envoyées, {received} reçues</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="400" />
      <source>{n} sent in conflict with another device</source>
      <translation>{n} envoyées en conflit avec un autre appareil</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="402" />
      <source>{n} new items need attention</source>
      <translation>{n} nouveaux éléments à examiner</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="404" />
      <source>{n} were at HQ already</source>
      <translation>{n} étaient déjà au siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="407" />
      <source>{n} refused by HQ (still waiting here)</source>
      <translation>{n} refusées par le siège (toujours en attente ici)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="411" />
      <source>{n} wait for a record that has not arrived yet</source>
      <translation>{n} attendent un dossier pas encore arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="414" />
      <source>{n} patients removed on other laptops</source>
      <translation>{n} patients supprimés sur d’autres ordinateurs</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="417" />
      <source>attachments: {sent} sent, {received} received</source>
      <translation>pièces jointes : {sent} envoyées, {received} reçues</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="422" />
      <source>accounts updated: {names}</source>
      <translation>comptes mis à jour : {names}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="424" />
      <source>everything was compared again with HQ</source>
      <translation>tout a été comparé de nouveau avec le siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="427" />
      <source>{kind}: {here} here, {hq} at HQ</source>
      <translation>{kind} : {here} ici, {hq} au siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="429" />
      <source>{n} still waiting</source>
      <translation>{n} encore en attente</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="432" />
      <source>Cancelled: {what}</source>
      <translation>Annulée : {what}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="451" />
      <source>This clinic is not joined to HQ yet.</source>
      <translation>Ce centre n’est pas encore relié au siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="452" />
      <source>Connect to HQ first (Settings → HQ) with a code from HQ.</source>
      <translation>Connectez-vous d’abord au siège (Paramètres → Siège) avec un code du siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="454" />
      <source>HQ could not be reached; you can go on working offline.</source>
      <translation>Le siège est injoignable ; vous pouvez continuer à travailler hors ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="459" />
      <source>The changes wait on this laptop and nothing is lost: sync again when the link is back.</source>
      <translation>Les modifications attendent sur cet ordinateur et rien n’est perdu : synchronisez de nouveau quand la liaison sera rétablie.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="465" />
      <source>HQ has revoked this laptop's access.</source>
      <translation>Le siège a révoqué l’accès de cet ordinateur.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="466" />
      <source>Its records stay on this laptop. Ask HQ why, and for a new enrolment code if the laptop should sync again.</source>
      <translation>Ses dossiers restent sur cet ordinateur. Demandez la raison au siège, et un nouveau code d’inscription si l’ordinateur doit se synchroniser de nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="471" />
      <source>HQ needs a newer Outpost.</source>
      <translation>Le siège demande une version plus récente d’Outpost.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="472" />
      <source>Install the newer Outpost on this laptop, then sync again. Nothing is lost meanwhile.</source>
      <translation>Installez la version plus récente d’Outpost sur cet ordinateur, puis synchronisez de nouveau. Rien n’est perdu entre-temps.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="477" />
      <source>A sync of this laptop is already running.</source>
      <translation>Une synchronisation de cet ordinateur est déjà en cours.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="481" />
      <source>Nothing is lost: try again; if it keeps failing, tell HQ.</source>
      <translation>Rien n’est perdu : réessayez ; si l’échec persiste, prévenez le siège.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="483" />
      <source>The sync could not run.</source>
      <translation>La synchronisation n’a pas pu avoir lieu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="486" />
      <source>Something unexpected went wrong during the sync.</source>
      <translation>Une erreur inattendue s’est produite pendant la synchronisation.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="488" />
      <source>Nothing that was saved is lost. Try again; if it happens again, tell whoever looks after this laptop (the event is in the log).</source>
      <translation>Rien de ce qui a été enregistré n’est perdu. Réessayez ; si cela se reproduit, prévenez la personne qui s’occupe de cet ordinateur (l’événement figure dans le journal).</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message>
      <location filename="../../ui/sync_status.py" line="238" />
      <source>Sync now</source>
      <translation>Synchroniser</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="239" />
      <source>Sync with HQ now</source>
      <translation>Synchroniser avec le siège maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="259" />
      <source>Never synced</source>
      <translation>Jamais synchronisé</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="263" />
      <source>Synced just now</source>
      <translation>Synchronisé à l’instant</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="266" />
      <source>Synced 1 minute ago</source>
      <translation>Synchronisé il y a 1 minute</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="267" />
      <source>Synced {n} minutes ago</source>
      <translation>Synchronisé il y a {n} minutes</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="270" />
      <source>Synced 1 hour ago</source>
      <translation>Synchronisé il y a 1 heure</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="271" />
      <source>Synced {n} hours ago</source>
      <translation>Synchronisé il y a {n} heures</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="273" />
      <source>Not synced for 1 day</source>
      <translation>Pas synchronisé depuis 1 jour</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="274" />
      <source>Not synced for {n} days</source>
      <translation>Pas synchronisé depuis {n} jours</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="278" />
      <source>Not connected to HQ yet</source>
      <translation>Pas encore connecté au siège</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="280" />
      <source>Syncing with HQ…</source>
      <translation>Synchronisation avec le siège…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="284" />
      <source>1 change waiting</source>
      <translation>1 modification en attente</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="286" />
      <source>{n} changes waiting</source>
      <translation>{n} modifications en attente</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="288" />
      <source>{n} need attention</source>
      <translation>{n} à examiner</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="291" />
      <source>last attempt failed: {why}</source>
      <translation>dernière tentative échouée : {why}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="294" />
      <source>offline, will retry {when}</source>
      <translation>hors ligne, nouvel essai {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="296" />
      <source>offline</source>
      <translation>hors ligne</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="299" />
      <source>next try {when}</source>
      <translation>prochain essai {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="309" />
      <source>in less than a minute</source>
      <translation>dans moins d’une minute</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="312" />
      <source>in 1 minute</source>
      <translation>dans 1 minute</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="314" />
      <source>in {n} minutes</source>
      <translation>dans {n} minutes</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="315" />
      <source>in {n} hours</source>
      <translation>dans {n} heures</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="321" />
      <source>Sync status: {text}</source>
      <translation>État de la synchronisation : {text}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="322" />
      <source>Click to open the sync page.</source>
      <translation>Cliquez pour ouvrir la page de synchronisation.</translation>
    </message>
    <message>
      <source>({n} changes waiting to be sent)</source>
      <translation type="vanished">({n} modifications en attente d’envoi)</translation>
    </message>
    <message>
      <source>Connected to HQ</source>
      <translation type="vanished">Connecté au siège</translation>
    </message>
    <message>
      <source>HQ not reachable; working offline</source>
      <translation type="vanished">Siège injoignable ; travail hors ligne</translation>
    </message>
    <message>
      <source>Sync failed: {detail}</source>
      <translation type="vanished">Échec de la synchronisation : {detail}</translation>
    </message>
    <message>
      <source>Synced with HQ at {time}</source>
      <translation type="vanished">Synchronisé avec le siège à {time}</translation>
    </message>
    <message>
      <source>Synced; {n} items need attention</source>
      <translation type="vanished">Synchronisé ; {n} éléments demandent votre attention</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <location filename="../../ui/today_view.py" line="87" />
      <source>◀ &amp;Previous day</source>
      <translation>◀ Jour &amp;précédent</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="90" />
      <source>&amp;Today</source>
      <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="93" />
      <source>Next &amp;day ▶</source>
      <translation>Jour &amp;suivant ▶</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="98" />
      <location filename="../../ui/today_view.py" line="327" />
      <source>All providers</source>
      <translation>Tous les soignants</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="100" />
      <source>Show &amp;cancelled and moved</source>
      <translation>Afficher les rendez-vous a&amp;nnulés et déplacés</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="103" />
      <source>&amp;Refresh</source>
      <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="103" />
      <source>Refresh (F5)</source>
      <translation>Actualiser (F5)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="114" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="115" />
      <location filename="../../ui/today_view.py" line="148" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="116" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="117" />
      <location filename="../../ui/today_view.py" line="148" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="118" />
      <source>Arrived</source>
      <translation>Arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="123" />
      <source>Appointments of the day, by provider</source>
      <translation>Rendez-vous du jour, par soignant</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="148" />
      <source>Waiting</source>
      <translation>Attente</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="148" />
      <source>Coverage</source>
      <translation>Couverture</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="156" />
      <source>Waiting room: patients who have arrived</source>
      <translation>Salle d’attente : patients arrivés</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="168" />
      <source>Check &amp;in</source>
      <translation>&amp;Enregistrer l’arrivée</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="168" />
      <source>Check in (Ctrl+I)</source>
      <translation>Enregistrer l’arrivée (Ctrl+I)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="172" />
      <source>Wal&amp;k-in…</source>
      <translation>Sans rendez-&amp;vous…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="174" />
      <source>A patient without an appointment joins the queue (Ctrl+Shift+I)</source>
      <translation>Un patient sans rendez-vous rejoint la file d’attente (Ctrl+Shift+I)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="178" />
      <source>&amp;Start consultation</source>
      <translation>&amp;Commencer la consultation</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="181" />
      <source>Co&amp;mplete</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="184" />
      <source>&amp;No-show</source>
      <translation>&amp;Absent</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="187" />
      <source>Book &amp;follow-up…</source>
      <translation>Rendez-vous de &amp;suivi…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="190" />
      <source>&amp;Open patient</source>
      <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="192" />
      <source>Open the patient's record (Enter)</source>
      <translation>Ouvrir le dossier du patient (Entrée)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="205" />
      <source>Pro&amp;vider:</source>
      <translation>&amp;Soignant :</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="212" />
      <source>&amp;Appointments</source>
      <translation>&amp;Rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="217" />
      <source>&amp;Waiting room</source>
      <translation>Salle d’&amp;attente</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="283" />
      <source>Today, {date}</source>
      <translation>Aujourd’hui, {date}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="367" />
      <source>✓ Verified this month</source>
      <translation>✓ Vérifiée ce mois-ci</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="368" />
      <source>? To verify</source>
      <translation>? À vérifier</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="369" />
      <source>✗ Expired</source>
      <translation>✗ Expirée</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="370" />
      <source>✗ Not covered</source>
      <translation>✗ Non couvert</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="413" />
      <source>{name} — no appointments</source>
      <translation>{name} — aucun rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="415" />
      <source>{name} — 1 appointment</source>
      <translation>{name} — 1 rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="416" />
      <source>{name} — {count} appointments</source>
      <translation>{name} — {count} rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="449" />
      <source>Booked for {time}; not arrived yet</source>
      <translation>Prévu à {time} ; pas encore arrivé</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="453" />
      <source>Booked with {provider}</source>
      <translation>Rendez-vous avec {provider}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="471" />
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="484" />
      <source>Nobody waiting</source>
      <translation>Personne en attente</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="499" />
      <source>Walk-ins: {count}</source>
      <translation>Sans rendez-vous : {count}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="500" />
      <source>No appointments.</source>
      <translation>Aucun rendez-vous.</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="535" />
      <source>A no-show can be marked once the appointment's time ({time}) has passed.</source>
      <translation>Une absence ne peut être enregistrée qu’une fois l’heure du rendez-vous ({time}) passée.</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="539" />
      <source>Mark as no-show (Ctrl+Shift+N)</source>
      <translation>Marquer absent (Ctrl+Shift+N)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="582" />
      <source>Checking in…</source>
      <translation>Enregistrement de l’arrivée…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="587" />
      <source>Starting the consultation…</source>
      <translation>Début de la consultation…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="590" />
      <source>Completing the visit…</source>
      <translation>Clôture de la visite…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="593" />
      <source>Marking as no-show…</source>
      <translation>Enregistrement de l’absence…</translation>
    </message>
    <message>
      <source>No appointments</source>
      <translation type="vanished">Aucun rendez-vous</translation>
    </message>
    <message>
      <source>{text} · walk-in</source>
      <translation type="vanished">{text} · sans rendez-vous</translation>
    </message>
  </context>
  <context>
    <name>UsersPanel</name>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>User name</source>
      <translation>Nom d’utilisateur</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="45" />
      <source>Users</source>
      <translation>Utilisateurs</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="53" />
      <source>Add a u&amp;ser…</source>
      <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="54" />
      <source>&amp;Reset password…</source>
      <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="55" />
      <source>&amp;Change role…</source>
      <translation>Changer le &amp;rôle…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="56" />
      <location filename="../../ui/users_admin.py" line="122" />
      <source>&amp;Disable</source>
      <translation>&amp;Désactiver</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="59" />
      <source>A disabled user can no longer sign in; their past work keeps their name. Re-enabling sets a new password.</source>
      <translation>Un utilisateur désactivé ne peut plus se connecter ; son travail passé garde son nom. La réactivation impose un nouveau mot de passe.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="102" />
      <source>Active</source>
      <translation>Actif</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="102" />
      <source>✗ Disabled</source>
      <translation>✗ Désactivé</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="122" />
      <source>&amp;Enable…</source>
      <translation>&amp;Réactiver…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="131" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Les deux mots de passe sont différents : saisissez deux fois le même.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="142" />
      <source>Disabling {who} and changing the clinic's key…</source>
      <translation>Désactivation de {who} et changement de la clé du centre…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="149" />
      <source>The password of {who} and any copy of the key file no longer open the clinic's records. Backups made before this change still open with the passwords of that time.</source>
      <translation>Le mot de passe de {who} et toute copie du fichier de clés n’ouvrent plus les dossiers du centre. Les sauvegardes faites avant ce changement s’ouvrent encore avec les mots de passe de l’époque.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="155" />
      <source>New recovery key: {key}
Write it down or print it now: the old recovery sheet no longer opens the store.</source>
      <translation>Nouvelle clé de récupération : {key}
Notez-la ou imprimez-la maintenant : l’ancienne fiche de la clé de récupération n’ouvre plus les données.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="162" />
      <source>{who} is disabled</source>
      <translation>Compte de {who} désactivé</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="166" />
      <source>Disabling…</source>
      <translation>Désactivation…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="179" />
      <source>Add a user</source>
      <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="180" />
      <source>Full &amp;name:</source>
      <translation>&amp;Nom complet :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="183" />
      <source>&amp;User name:</source>
      <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="184" />
      <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
      <translation>Lettres minuscules, chiffres, « . », « _ » ou « - », en commençant par une lettre.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="186" />
      <location filename="../../ui/users_admin.py" line="246" />
      <source>&amp;Role:</source>
      <translation>&amp;Rôle :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="189" />
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="191" />
      <source>At least {n} characters. Give it to the person, who can change it in Settings.</source>
      <translation>Au moins {n} caractères. Donnez-le à la personne, qui pourra le changer dans Réglages.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="195" />
      <location filename="../../ui/users_admin.py" line="226" />
      <location filename="../../ui/users_admin.py" line="284" />
      <source>C&amp;onfirm:</source>
      <translation>C&amp;onfirmer :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="220" />
      <source>Reset {username}'s password</source>
      <translation>Réinitialiser le mot de passe de {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="221" />
      <source>Choose a new password and give it to {name}; they can change it afterwards.</source>
      <translation>Choisissez un nouveau mot de passe et donnez-le à {name} ; il ou elle pourra le changer ensuite.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="225" />
      <location filename="../../ui/users_admin.py" line="283" />
      <source>&amp;New password:</source>
      <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="244" />
      <source>Role of {username}</source>
      <translation>Rôle de {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="266" />
      <source>Disable user</source>
      <translation>Désactiver l’utilisateur</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="267" />
      <source>Disable {who}? They will no longer be able to sign in, and the clinic's records are re-encrypted under a new key (this can take a minute).</source>
      <translation>Désactiver {who} ? Cette personne ne pourra plus se connecter, et les dossiers du centre seront rechiffrés avec une nouvelle clé (cela peut prendre une minute).</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="272" />
      <source>Disable</source>
      <translation>Désactiver</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="273" />
      <source>Keep</source>
      <translation>Garder</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="280" />
      <source>Enable {username}</source>
      <translation>Réactiver {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="281" />
      <source>Set a new password to re-enable the account.</source>
      <translation>Définissez un nouveau mot de passe pour réactiver le compte.</translation>
    </message>
    <message>
      <source>&amp;Add a user…</source>
      <translation type="vanished">&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation type="vanished">Changer le &amp;rôle…</translation>
    </message>
    <message>
      <source>Disable {name} ({username})? They will no longer be able to sign in.</source>
      <translation type="vanished">Désactiver {name} ({username}) ? Cette personne ne pourra plus se connecter.</translation>
    </message>
    <message>
      <source>Disable {who}? They will no longer be able to sign in.</source>
      <translation type="vanished">Désactiver {who} ? Cette personne ne pourra plus se connecter.</translation>
    </message>
  </context>
  <context>
    <name>Util</name>
    <message>
      <location filename="../../ui/util.py" line="126" />
      <source>{name} ({username})</source>
      <translation>{name} ({username})</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="141" />
      <source>{label}:</source>
      <translation>{label} :</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="267" />
      <source>Yes</source>
      <translation>Oui</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="268" />
      <source>No</source>
      <translation>Non</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="336" />
      <source>Not known</source>
      <translation>Inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="339" />
      <source>about {age} y</source>
      <translation>environ {age} ans</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="340" />
      <source>{date} ({age} y)</source>
      <translation>{date} ({age} ans)</translation>
    </message>
  </context>
  <context>
    <name>WalkInDialog</name>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="54" />
      <source>Walk-in: a patient without an appointment</source>
      <translation>Sans rendez-vous : un patient qui n’a pas de rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="59" />
      <source>Name, phone, ID or date of birth</source>
      <translation>Nom, téléphone, identifiant ou date de naissance</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="60" />
      <source>&amp;New patient…</source>
      <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="63" />
      <source>Register the patient first</source>
      <translation>Enregistrez d’abord le patient</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="67" />
      <source>Patients found</source>
      <translation>Patients trouvés</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="77" />
      <source>Whoever has the fewest waiting</source>
      <translation>Celui qui a le moins de patients en attente</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="80" />
      <source>The clinic's usual visit</source>
      <translation>La consultation habituelle du centre</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="83" />
      <source>What they came for (optional)</source>
      <translation>Motif de la venue (facultatif)</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="90" />
      <source>&amp;Patient:</source>
      <translation>&amp;Patient :</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="94" />
      <source>Pro&amp;vider:</source>
      <translation>&amp;Soignant :</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="95" />
      <source>&amp;Type:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="96" />
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="100" />
      <source>&amp;Add to the queue</source>
      <translation>&amp;Ajouter à la file d’attente</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="104" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="134" />
      <source>{name} ({minutes} min)</source>
      <translation>{name} ({minutes} min)</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="139" />
      <source>There are no providers or appointment types yet. An administrator adds them in Settings → Clinic.</source>
      <translation>Il n’y a encore ni soignant ni type de rendez-vous. Un administrateur les ajoute dans Réglages → Centre de santé.</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="171" />
      <source>Walk-in: {name}</source>
      <translation>Sans rendez-vous : {name}</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="205" />
      <source>Find the patient, or register them with New patient…</source>
      <translation>Trouvez le patient, ou enregistrez-le avec Nouveau patient…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="220" />
      <source>Adding to the queue…</source>
      <translation>Ajout à la file d’attente…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="236" />
      <source>Coverage</source>
      <translation>Couverture</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="256" />
      <source>Booked already today</source>
      <translation>Déjà un rendez-vous aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="259" />
      <source>Check that appointment in from Today instead, or add them as a walk-in as well?</source>
      <translation>Enregistrer plutôt l’arrivée pour ce rendez-vous depuis Aujourd’hui, ou l’ajouter aussi comme patient sans rendez-vous ?</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="263" />
      <source>Add as a walk-in</source>
      <translation>Ajouter sans rendez-vous</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="264" />
      <source>Go back</source>
      <translation>Revenir</translation>
    </message>
  </context>
  <context>
    <name>WorklistPage</name>
    <message>
      <location filename="../../ui/worklist_page.py" line="83" />
      <source>Worklist</source>
      <translation>Liste de travail</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="86" />
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="95" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="96" />
      <source>Clinic no.</source>
      <translation>N° de dossier</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="97" />
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="98" />
      <source>What to do</source>
      <translation>À faire</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="99" />
      <source>Since</source>
      <translation>Depuis</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="104" />
      <source>Who to call today, most pressing first</source>
      <translation>Qui appeler aujourd’hui, les plus urgents d’abord</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="129" />
      <source>Open the &amp;record</source>
      <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="131" />
      <source>Open where this is done (Enter)</source>
      <translation>Ouvrir l’écran où cela se fait (Entrée)</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="135" />
      <source>Re&amp;fresh</source>
      <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="135" />
      <source>Refresh (F5)</source>
      <translation>Actualiser (F5)</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="222" />
      <source>Worklist — {date}</source>
      <translation>Liste de travail — {date}</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="268" />
      <source>and {n} more — the longest waiting are shown</source>
      <translation>et {n} de plus — ceux qui attendent depuis le plus longtemps sont affichés</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="288" />
      <source>today</source>
      <translation>aujourd’hui</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="290" />
      <source>1 day</source>
      <translation>1 jour</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="292" />
      <source>{n} days</source>
      <translation>{n} jours</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="298" />
      <source>no phone</source>
      <translation>pas de téléphone</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="311" />
      <source>Nobody to call today. ✓</source>
      <translation>Personne à appeler aujourd’hui. ✓</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="314" />
      <source>1 thing to do</source>
      <translation>1 chose à faire</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="314" />
      <source>{n} things to do</source>
      <translation>{n} choses à faire</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="316" />
      <source>, {n} urgent</source>
      <translation>, dont {n} urgentes</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="317" />
      <source>Enter opens where it is done.</source>
      <translation>Entrée ouvre l’écran où cela se fait.</translation>
    </message>
  </context>
</TS>
