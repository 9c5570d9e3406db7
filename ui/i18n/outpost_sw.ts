<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw" sourcelanguage="en">
  <context>
    <name>AppointmentActions</name>
    <message>
      <location filename="../../ui/appointment_actions.py" line="33" />
      <source>Cancelling…</source>
      <translation>Inaghairi…</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="37" />
      <source>Cancel appointment</source>
      <translation>Ghairi miadi</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="40" />
      <source>Cancel the appointment</source>
      <translation>Ghairi miadi</translation>
    </message>
    <message>
      <location filename="../../ui/appointment_actions.py" line="41" />
      <source>Keep it</source>
      <translation>Usighairi</translation>
    </message>
  </context>
  <context>
    <name>Attention</name>
    <message>
      <location filename="../../ui/attention_page.py" line="54" />
      <source>Safety-critical value differs</source>
      <translation>Thamani muhimu kwa usalama inatofautiana</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="55" />
      <source>Edited on one laptop, removed on another</source>
      <translation>Imehaririwa kwenye kompyuta moja, imeondolewa kwenye nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="56" />
      <source>Edit of a form signed here</source>
      <translation>Uhariri wa fomu iliyotiwa sahihi hapa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="57" />
      <source>Change to a record that never changes</source>
      <translation>Mabadiliko ya kumbukumbu isiyobadilika kamwe</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="58" />
      <source>Maybe one person registered twice</source>
      <translation>Huenda mtu mmoja amesajiliwa mara mbili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="59" />
      <source>Provider booked twice at one time</source>
      <translation>Mhudumu amepangiwa miadi mara mbili kwa wakati mmoja</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="60" />
      <source>Change this laptop could not take</source>
      <translation>Mabadiliko ambayo kompyuta hii haikuweza kuchukua</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="61" />
      <source>Account changed without an administrator's signature</source>
      <translation>Akaunti imebadilishwa bila sahihi ya msimamizi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="62" />
      <source>Edited on two laptops</source>
      <translation>Imehaririwa kwenye kompyuta mbili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="63" />
      <source>Invoice lines changed after it was issued</source>
      <translation>Mistari ya ankara ilibadilishwa baada ya kutolewa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="64" />
      <source>Void invoice with money on it</source>
      <translation>Ankara iliyobatilishwa yenye malipo juu yake</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="65" />
      <source>Invoice paid more than its total</source>
      <translation>Ankara imelipwa zaidi ya jumla yake</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="66" />
      <source>Invoice claimed twice</source>
      <translation>Ankara imedaiwa mara mbili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="67" />
      <source>Scheme payment without a paid claim</source>
      <translation>Malipo ya mpango wa bima bila dai lililolipwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="68" />
      <source>Two records merged into each other</source>
      <translation>Rekodi mbili zimeunganishwa kila moja ndani ya nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="69" />
      <source>Form signed under a merged record</source>
      <translation>Fomu iliyotiwa sahihi chini ya rekodi iliyounganishwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="76" />
      <source>This value matters for the patient's safety, and the two laptops hold different values. Neither was applied silently: choose the right one.</source>
      <translation>Thamani hii ni muhimu kwa usalama wa mgonjwa, na kompyuta hizo mbili zina thamani tofauti. Hakuna iliyotumika kimyakimya: chagua iliyo sahihi.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="80" />
      <source>The record was edited on one laptop and removed on another. Keep it removed, or take the edit.</source>
      <translation>Rekodi ilihaririwa kwenye kompyuta moja na kuondolewa kwenye nyingine. Iache ikiwa imeondolewa, au chukua uhariri.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="84" />
      <source>Another laptop edited a form that is signed here. A signed form never changes: the edit was not applied. Record a correction if the form is wrong.</source>
      <translation>Kompyuta nyingine ilihariri fomu iliyotiwa sahihi hapa. Fomu iliyotiwa sahihi haibadiliki kamwe: uhariri haukutumika. Rekodi marekebisho ikiwa fomu si sahihi.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="88" />
      <source>Another laptop changed a record of the trail, which never changes; the change was not applied.</source>
      <translation>Kompyuta nyingine ilibadilisha kumbukumbu ya historia, ambayo haibadiliki kamwe; mabadiliko hayakutumika.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="92" />
      <source>The same name, with the same date of birth or phone, was registered on two laptops. If it is one person, merge the two records into one; if not, keep both.</source>
      <translation>Jina lilelile, lenye tarehe ileile ya kuzaliwa au simu ileile, limesajiliwa kwenye kompyuta mbili. Ikiwa ni mtu mmoja, unganisha rekodi hizo mbili kuwa moja; kama sivyo, baki na zote mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="96" />
      <source>Each laptop booked this provider for the same time without knowing of the other booking. Move one of the two appointments, or keep both.</source>
      <translation>Kila kompyuta ilimpangia mhudumu huyu miadi kwa wakati uleule bila kujua miadi nyingine. Hamisha mojawapo ya miadi hizo mbili, au baki na zote mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="100" />
      <source>A change from another laptop could not be applied here; it is kept on this list so it is not lost from sight.</source>
      <translation>Mabadiliko kutoka kompyuta nyingine hayakuweza kutumika hapa; yanawekwa kwenye orodha hii ili yasisahaulike.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="104" />
      <source>An account was changed on another laptop without an administrator's signature. An administrator approves or refuses the change.</source>
      <translation>Akaunti ilibadilishwa kwenye kompyuta nyingine bila sahihi ya msimamizi. Msimamizi anaidhinisha au anakataa mabadiliko.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="108" />
      <source>Two laptops each merged these records, one into the other. Every laptop kept the same one, with all the records of both: check it is right.</source>
      <translation>Kompyuta mbili kila moja iliunganisha rekodi hizi, moja ndani ya nyingine. Kila kompyuta ilibakiza rekodi ileile, pamoja na kumbukumbu zote za zote mbili: kagua kwamba iko sahihi.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="112" />
      <source>This form was signed on this laptop under a record another laptop merged meanwhile. A signed form never changes, so it stays with the merged record: look at it from the kept record, and record a correction if needed.</source>
      <translation>Fomu hii ilitiwa sahihi kwenye kompyuta hii chini ya rekodi ambayo kompyuta nyingine iliiunganisha wakati huohuo. Fomu iliyotiwa sahihi haibadiliki kamwe, kwa hiyo inabaki na rekodi iliyounganishwa: iangalie kutoka kwenye rekodi iliyobakizwa, na urekodi marekebisho ikihitajika.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="123" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="124" />
      <source>Appointment</source>
      <translation>Miadi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="125" />
      <source>Form</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="126" />
      <source>Account</source>
      <translation>Akaunti</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="134" />
      <source>answer “{name}”</source>
      <translation>jibu “{name}”</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="145" />
      <source>Another laptop</source>
      <translation>Kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="146" />
      <source>Another laptop, {when}</source>
      <translation>Kompyuta nyingine, {when}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="148" />
      <source>{who}, on another laptop</source>
      <translation>{who}, kwenye kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="149" />
      <source>{who}, on another laptop, {when}</source>
      <translation>{who}, kwenye kompyuta nyingine, {when}</translation>
    </message>
  </context>
  <context>
    <name>AttentionCompare</name>
    <message>
      <location filename="../../ui/attention_compare.py" line="69" />
      <source>Needs attention: {what}</source>
      <translation>Inahitaji uangalizi: {what}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="93" />
      <source>&amp;Back to the list</source>
      <translation>&amp;Rudi kwenye orodha</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="104" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="140" />
      <source>This laptop (mine)</source>
      <translation>Kompyuta hii (yangu)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="140" />
      <source>The other laptop (theirs)</source>
      <translation>Kompyuta nyingine (yao)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="142" />
      <source>Value</source>
      <translation>Thamani</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="143" />
      <source>someone not known on this laptop</source>
      <translation>mtu asiyejulikana kwenye kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="145" />
      <source>Changed by</source>
      <translation>Imebadilishwa na</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="149" />
      <source>When</source>
      <translation>Lini</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="150" />
      <location filename="../../ui/attention_compare.py" line="151" />
      <location filename="../../ui/attention_compare.py" line="220" />
      <source>not known</source>
      <translation>haijulikani</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="154" />
      <source>In the record now</source>
      <translation>Kwenye rekodi sasa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="160" />
      <source>&amp;Approve the change</source>
      <translation>&amp;Idhinisha mabadiliko</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="161" />
      <source>Re&amp;fuse the change</source>
      <translation>&amp;Kataa mabadiliko</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="163" />
      <source>Mark as &amp;seen</source>
      <translation>Weka alama kuwa &amp;imeonekana</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="165" />
      <source>Keep &amp;mine (this laptop's)</source>
      <translation>Baki na &amp;yangu (ya kompyuta hii)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="168" />
      <source>Keep &amp;theirs (the other laptop's)</source>
      <translation>Chukua ya &amp;kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="173" />
      <source>Registered on this laptop</source>
      <translation>Amesajiliwa kwenye kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="173" />
      <source>Arrived from another laptop</source>
      <translation>Imefika kutoka kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="176" />
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="177" />
      <source>Clinic no.</source>
      <translation>Namba ya usajili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="178" />
      <source>Sex</source>
      <translation>Jinsia</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="180" />
      <source>Born</source>
      <translation>Alizaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="184" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="185" />
      <source>Village</source>
      <translation>Kijiji</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="186" />
      <source>National ID</source>
      <translation>Kitambulisho cha taifa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="187" />
      <source>Registered</source>
      <translation>Amesajiliwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="188" />
      <source>Appointments</source>
      <translation>Miadi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="189" />
      <source>Forms</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="201" />
      <source>&amp;Merge: keep the record of this laptop</source>
      <translation>&amp;Unganisha: baki na rekodi ya kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="206" />
      <source>Merge: keep the record that &amp;arrived</source>
      <translation>Unganisha: baki na rekodi &amp;iliyofika</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="209" />
      <source>&amp;Keep both (two different people)</source>
      <translation>&amp;Baki na zote mbili (watu wawili tofauti)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="219" />
      <source>Booked on this laptop</source>
      <translation>Imepangwa kwenye kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="219" />
      <source>Booked on another laptop</source>
      <translation>Imepangwa kwenye kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="222" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="223" />
      <source>Provider</source>
      <translation>Mhudumu</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="224" />
      <source>From</source>
      <translation>Kuanzia</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="225" />
      <source>To</source>
      <translation>Hadi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="226" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="227" />
      <source>Booked by</source>
      <translation>Imepangwa na</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="236" />
      <source>&amp;Rebook the one booked here…</source>
      <translation>&amp;Hamisha iliyopangwa hapa…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="241" />
      <source>Rebook the one from the &amp;other laptop…</source>
      <translation>Hamisha ya kompyuta &amp;nyingine…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="244" />
      <source>&amp;Keep both</source>
      <translation>&amp;Baki na zote mbili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="274" />
      <source>{when}, by {who}</source>
      <translation>{when}, na {who}</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="279" />
      <source>{n} ({signed} signed)</source>
      <translation>{n} ({signed} zimetiwa sahihi)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="284" />
      <source>(empty)</source>
      <translation>(tupu)</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="286" />
      <source>yes</source>
      <translation>ndiyo</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="288" />
      <source>no</source>
      <translation>hapana</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="319" />
      <source>same</source>
      <translation>sawa</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="367" />
      <source>Keeping this laptop's value…</source>
      <translation>Inabaki na thamani ya kompyuta hii…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="374" />
      <source>Taking the other laptop's value…</source>
      <translation>Inachukua thamani ya kompyuta nyingine…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="379" />
      <source>Keeping both…</source>
      <translation>Inabaki na zote mbili…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="383" />
      <source>Merge the two records into the one of {survivor} ({number})?

Every appointment and form of the other record moves to it; the other record is removed and points at the one kept. Every laptop makes the same merge at its next sync. This cannot be undone from this screen.</source>
      <translation>Unganisha rekodi hizo mbili kuwa rekodi moja ya {survivor} ({number})?

Kila miadi na fomu ya rekodi nyingine inahamia kwake; rekodi nyingine inaondolewa na kuelekeza kwa ile iliyobakizwa. Kila kompyuta itafanya muunganiko huohuo wakati wa kusawazisha ujao. Hili haliwezi kutenduliwa kutoka skrini hii.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="391" />
      <source>Merge two records</source>
      <translation>Unganisha rekodi mbili</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="394" />
      <source>Merging…</source>
      <translation>Inaunganisha…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="396" />
      <source>Merge</source>
      <translation>Unganisha</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="397" />
      <source>Don't merge</source>
      <translation>Usiunganishe</translation>
    </message>
    <message>
      <location filename="../../ui/attention_compare.py" line="417" />
      <source>Settling the double booking…</source>
      <translation>Inashughulikia miadi iliyopangwa mara mbili…</translation>
    </message>
  </context>
  <context>
    <name>AttentionPage</name>
    <message>
      <location filename="../../ui/attention_page.py" line="166" />
      <location filename="../../ui/attention_page.py" line="212" />
      <source>Needs attention</source>
      <translation>Vinahitaji uangalizi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="170" />
      <source>What sync could not settle alone. Open an item to compare the two laptops' values side by side and choose; the choice is recorded and reaches every laptop at the next sync.</source>
      <translation>Yale ambayo usawazishaji haukuweza kushughulikia wenyewe. Fungua kipengele ili kulinganisha thamani za kompyuta hizo mbili kando kwa kando na uchague; chaguo linarekodiwa na kufika kwenye kila kompyuta wakati wa kusawazisha ujao.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="183" />
      <source>Items needing attention</source>
      <translation>Vipengele vinavyohitaji uangalizi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>What</source>
      <translation>Nini</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>Record</source>
      <translation>Rekodi</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>Noted</source>
      <translation>Imebainika</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="185" />
      <source>From</source>
      <translation>Kutoka</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="204" />
      <source>&amp;Open and compare…</source>
      <translation>&amp;Fungua na ulinganishe…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="208" />
      <source>&amp;Refresh</source>
      <translation>Onyesha &amp;upya</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="209" />
      <source>&amp;Close</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="232" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="276" />
      <source>Nothing needs attention. ✓</source>
      <translation>Hakuna kinachohitaji uangalizi. ✓</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="278" />
      <source>1 item waits for a decision.</source>
      <translation>Kipengele 1 kinasubiri uamuzi.</translation>
    </message>
    <message>
      <location filename="../../ui/attention_page.py" line="280" />
      <source>{n} items wait for a decision.</source>
      <translation>Vipengele {n} vinasubiri uamuzi.</translation>
    </message>
  </context>
  <context>
    <name>BackupPanel</name>
    <message>
      <location filename="../../ui/backup_panel.py" line="146" />
      <source>Ba&amp;ck up now…</source>
      <translation>&amp;Hifadhi nakala sasa…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="148" />
      <source>&amp;Restore from a backup…</source>
      <translation>&amp;Rejesha kutoka nakala rudufu…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="153" />
      <source>Backup and restore</source>
      <translation>Nakala rudufu na urejeshaji</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="156" />
      <source>A backup is one encrypted file: it opens only with a password of this clinic (as it was when the backup was made) or the recovery key. Keep one on a USB stick, away from the laptop.</source>
      <translation>Nakala rudufu ni faili moja lililosimbwa: linafunguka tu kwa nenosiri la kliniki hii (kama lilivyokuwa nakala ilipotengenezwa) au kwa ufunguo wa kurejesha. Weka nakala moja kwenye flash ya USB, mbali na kompyuta.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="169" />
      <source>Extra backup folders</source>
      <translation>Folda za ziada za nakala rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="173" />
      <source> backups</source>
      <translation> nakala</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="179" />
      <source>Add a &amp;folder…</source>
      <translation>&amp;Ongeza folda…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="180" />
      <source>Re&amp;move</source>
      <translation>O&amp;ndoa</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="181" />
      <source>&amp;Save</source>
      <translation>Hi&amp;fadhi</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="182" />
      <source>Automatic backups (when Outpost closes, and daily)</source>
      <translation>Nakala rudufu za kiotomatiki (Outpost inapofungwa, na kila siku)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="185" />
      <source>They always go to the data folder's backups; add a second place (a USB stick, another disk) so a lost or broken laptop does not take the backups with it.</source>
      <translation>Huhifadhiwa kila mara kwenye folda ya nakala rudufu ya data; ongeza mahali pa pili (flash ya USB, diski nyingine) ili kompyuta ikipotea au ikiharibika isipoteze nakala rudufu pamoja nayo.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="193" />
      <source>E&amp;xtra folders:</source>
      <translation>Folda za &amp;ziada:</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="197" />
      <source>&amp;Keep the last:</source>
      <translation>&amp;Baki na za mwisho:</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="248" />
      <source>Last automatic backup: {when}.</source>
      <translation>Nakala rudufu ya kiotomatiki ya mwisho: {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="253" />
      <source>No automatic backup has been made yet.</source>
      <translation>Bado hakuna nakala rudufu ya kiotomatiki iliyotengenezwa.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="256" />
      <source>⚠ The automatic backup of {when} failed: {why}</source>
      <translation>⚠ Nakala rudufu ya kiotomatiki ya {when} imeshindikana: {why}</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="273" />
      <source>Choose a backup folder</source>
      <translation>Chagua folda ya nakala rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="292" />
      <source>Saving…</source>
      <translation>Inahifadhi…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="309" />
      <source>Where should the backup go?</source>
      <translation>Nakala rudufu ihifadhiwe wapi?</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="332" />
      <source>Backup written and checked: {path} ({size}).</source>
      <translation>Nakala rudufu imeandikwa na kukaguliwa: {path} ({size}).</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="337" />
      <source>Backup</source>
      <translation>Nakala rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="342" />
      <source>Making the backup…</source>
      <translation>Inatengeneza nakala rudufu…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="352" />
      <source>Choose the backup to restore</source>
      <translation>Chagua nakala rudufu ya kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="355" />
      <source>Outpost backups (*.outpost-backup)</source>
      <translation>Nakala rudufu za Outpost (*.outpost-backup)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="355" />
      <source>All files (*)</source>
      <translation>Faili zote (*)</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="373" />
      <source>Checking the backup…</source>
      <translation>Inakagua nakala rudufu…</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="386" />
      <source>It was made on {when} by {clinic}.</source>
      <translation>Ilitengenezwa {when} na {clinic}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="390" />
      <source>Restoring replaces all the clinic's records on this laptop with those in
{path}.
The records it replaces are kept aside, not deleted. Everyone is signed out. Accounts disabled here stay disabled.

Give your own password again: only an administrator of this clinic may restore.</source>
      <translation>Kurejesha kunabadilisha kumbukumbu zote za kliniki kwenye kompyuta hii kwa zile zilizo katika
{path}.
Kumbukumbu zinazobadilishwa zinawekwa kando, hazifutwi. Kila mtu anatolewa kwenye mfumo. Akaunti zilizozimwa hapa zinabaki zimezimwa.

Andika tena nenosiri lako mwenyewe: ni msimamizi wa kliniki hii tu anayeweza kurejesha.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="397" />
      <source>⚠ This backup is of another clinic, {clinic}, not of {here}. Type its name below to confirm that it should replace this clinic's records.</source>
      <translation>⚠ Nakala rudufu hii ni ya kliniki nyingine, {clinic}, si ya {here}. Andika jina lake hapa chini kuthibitisha kwamba ibadilishe kumbukumbu za kliniki hii.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="402" />
      <source>This clinic's key does not open the backup (it is of another store, or the key was changed since): give also your password as it was when the backup was made, or the recovery key printed for it.</source>
      <translation>Ufunguo wa kliniki hii haufungui nakala rudufu (ni ya hifadhi nyingine, au ufunguo umebadilishwa tangu wakati huo): andika pia nenosiri lako kama lilivyokuwa nakala ilipotengenezwa, au ufunguo wa kurejesha uliochapishwa kwa ajili yake.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="410" />
      <location filename="../../ui/backup_panel.py" line="470" />
      <source>Restore a backup</source>
      <translation>Rejesha nakala rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="412" />
      <location filename="../../ui/backup_panel.py" line="476" />
      <source>Restore</source>
      <translation>Rejesha</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="416" />
      <source>Your &amp;password ({username}):</source>
      <translation>&amp;Nenosiri lako ({username}):</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="420" />
      <source>Password &amp;then:</source>
      <translation>Nenosiri la &amp;wakati huo:</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="421" />
      <source>or the backup's &amp;recovery key:</source>
      <translation>au &amp;ufunguo wa kurejesha wa nakala rudufu:</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="423" />
      <source>&amp;Clinic of the backup:</source>
      <translation>&amp;Kliniki ya nakala rudufu:</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="428" />
      <source>Give your password.</source>
      <translation>Andika nenosiri lako.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="432" />
      <source>Give the password as it was then, or the backup's recovery key.</source>
      <translation>Andika nenosiri kama lilivyokuwa wakati huo, au ufunguo wa kurejesha wa nakala rudufu.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="438" />
      <source>Type the name of the backup's clinic: {clinic}.</source>
      <translation>Andika jina la kliniki ya nakala rudufu: {clinic}.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="471" />
      <source>Replace the clinic's records with the backup now? Unsaved work in open windows will be lost.</source>
      <translation>Ubadilishe kumbukumbu za kliniki kwa nakala rudufu sasa? Kazi ambayo haijahifadhiwa katika madirisha yaliyo wazi itapotea.</translation>
    </message>
    <message>
      <location filename="../../ui/backup_panel.py" line="477" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <source>&amp;Add a folder…</source>
      <translation type="vanished">&amp;Ongeza folda…</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation type="vanished">&amp;Hifadhi nakala sasa…</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation type="vanished">&amp;Nenosiri:</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation type="vanished">&amp;Jina la mtumiaji:</translation>
    </message>
    <message>
      <source>Give the password, or the recovery key.</source>
      <translation type="vanished">Andika nenosiri, au ufunguo wa kurejesha.</translation>
    </message>
    <message>
      <source>Restoring replaces all the clinic's records on this laptop with those in
{path}.
The records it replaces are kept aside, not deleted. Everyone is signed out.

Open the backup with a user name and password as they were when it was made, or with the recovery key.</source>
      <translation type="vanished">Kurejesha kunabadilisha kumbukumbu zote za kliniki kwenye kompyuta hii kwa zile zilizo katika
{path}.
Kumbukumbu zinazobadilishwa zinawekwa kando, hazifutwi. Kila mtu anatolewa kwenye mfumo.

Fungua nakala rudufu kwa jina la mtumiaji na nenosiri kama yalivyokuwa ilipotengenezwa, au kwa ufunguo wa kurejesha.</translation>
    </message>
    <message>
      <source>or &amp;recovery key:</source>
      <translation type="vanished">au &amp;ufunguo wa kurejesha:</translation>
    </message>
  </context>
  <context>
    <name>BillingTab</name>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="48" />
      <source>Ne&amp;w invoice…</source>
      <translation>Ankara &amp;mpya…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="50" />
      <source>A draft invoice for this patient's visit</source>
      <translation>Rasimu ya ankara ya ziara ya mgonjwa huyu</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="70" />
      <source>B&amp;illing</source>
      <translation>Ankara na ma&amp;lipo</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="74" />
      <source>Invoice</source>
      <translation>Ankara</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="75" />
      <source>Date</source>
      <translation>Tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="76" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="77" />
      <source>Total</source>
      <translation>Jumla</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="78" />
      <source>Paid</source>
      <translation>Imelipwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="79" />
      <source>Owed</source>
      <translation>Inadaiwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="80" />
      <source>Claims</source>
      <translation>Madai</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="103" />
      <source>No invoices for this patient.</source>
      <translation>Hakuna ankara za mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="113" />
      <source>(draft)</source>
      <translation>(rasimu)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_billing.py" line="122" />
      <source>credit {amount}</source>
      <translation>ziada {amount}</translation>
    </message>
  </context>
  <context>
    <name>BookingDialog</name>
    <message>
      <location filename="../../ui/booking_dialog.py" line="86" />
      <source>Book an appointment</source>
      <translation>Panga miadi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="87" />
      <source>Book a follow-up</source>
      <translation>Panga miadi ya ufuatiliaji</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="88" />
      <source>Move an appointment</source>
      <translation>Hamisha miadi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="98" />
      <source>Name, phone, ID or date of birth</source>
      <translation>Jina, simu, namba ya kitambulisho au tarehe ya kuzaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="101" />
      <source>Patients found</source>
      <translation>Wagonjwa waliopatikana</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="110" />
      <source>Choose the type of visit…</source>
      <translation>Chagua aina ya ziara…</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="120" />
      <source>HH:MM</source>
      <translation>HH:MM</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="151" />
      <source>Follow-up</source>
      <translation>Ufuatiliaji</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="155" />
      <source>&amp;Patient:</source>
      <translation>&amp;Mgonjwa:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="166" />
      <source>Patient:</source>
      <translation>Mgonjwa:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="167" />
      <source>Pro&amp;vider:</source>
      <translation>Mhu&amp;dumu:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="168" />
      <source>&amp;Type:</source>
      <translation>&amp;Aina:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="172" />
      <source>at</source>
      <translation>saa</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="174" />
      <source>Ne&amp;xt free</source>
      <translation>Nafasi &amp;zinazofuata</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="178" />
      <source>The provider's next free times for this type, from the chosen day</source>
      <translation>Nafasi zinazofuata zilizo wazi za mhudumu kwa aina hii, kuanzia siku iliyochaguliwa</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="182" />
      <source>Date</source>
      <translation>Tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="183" />
      <source>Time</source>
      <translation>Saa</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="184" />
      <source>&amp;Date:</source>
      <translation>&amp;Tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="187" />
      <source>&amp;Reason:</source>
      <translation>&amp;Sababu:</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="196" />
      <source>&amp;Move</source>
      <translation>&amp;Hamisha</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="196" />
      <source>&amp;Book</source>
      <translation>&amp;Panga</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="201" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="302" />
      <source>{name} ({minutes} min)</source>
      <translation>{name} (dak. {minutes})</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="314" />
      <source>There are no providers or appointment types yet. An administrator adds them in Settings → Clinic.</source>
      <translation>Bado hakuna wahudumu wala aina za miadi. Msimamizi huviongeza katika Mipangilio → Kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="343" />
      <source>Booking for: {name}</source>
      <translation>Miadi ya: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="406" />
      <source>Choose the patient first.</source>
      <translation>Chagua mgonjwa kwanza.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="411" />
      <location filename="../../ui/booking_dialog.py" line="512" />
      <source>Choose the type of visit.</source>
      <translation>Chagua aina ya ziara.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="457" />
      <source>Booking…</source>
      <translation>Inapanga miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="498" />
      <source>Another appointment that day</source>
      <translation>Miadi nyingine siku hiyo</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="499" />
      <source>Book this one as well?</source>
      <translation>Upange miadi hii pia?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="501" />
      <source>Book as well</source>
      <translation>Panga pia</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="502" />
      <source>Go back</source>
      <translation>Rudi</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="525" />
      <source>{provider} has no free time for this type in the next two weeks.</source>
      <translation>{provider} hana nafasi iliyo wazi kwa aina hii katika wiki mbili zijazo.</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="545" />
      <source>{date} {time}</source>
      <translation>{date} saa {time}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="549" />
      <source>Choose this time</source>
      <translation>Chagua muda huu</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="550" />
      <source>Free at {time}</source>
      <translation>Nafasi saa {time}</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="569" />
      <source>Discard this booking?</source>
      <translation>Uache miadi hii?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="570" />
      <source>The appointment has not been booked. Close anyway?</source>
      <translation>Miadi haijapangwa. Ufunge hata hivyo?</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="572" />
      <source>Discard</source>
      <translation>Acha</translation>
    </message>
    <message>
      <location filename="../../ui/booking_dialog.py" line="573" />
      <source>Keep editing</source>
      <translation>Endelea kuhariri</translation>
    </message>
  </context>
  <context>
    <name>CalendarView</name>
    <message>
      <location filename="../../ui/calendar_view.py" line="87" />
      <source>D&amp;ay</source>
      <translation>&amp;Siku</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="88" />
      <source>&amp;Week</source>
      <translation>&amp;Wiki</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="97" />
      <location filename="../../ui/calendar_view.py" line="99" />
      <source>Previous</source>
      <translation>Iliyotangulia</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="101" />
      <source>&amp;Today</source>
      <translation>&amp;Leo</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="104" />
      <location filename="../../ui/calendar_view.py" line="106" />
      <source>Next</source>
      <translation>Inayofuata</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="111" />
      <source>Go to date</source>
      <translation>Nenda kwenye tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="122" />
      <source>Appointment calendar</source>
      <translation>Kalenda ya miadi</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="134" />
      <source>&amp;Book here…</source>
      <translation>&amp;Panga hapa…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="136" />
      <source>Book an appointment (Ctrl+B)</source>
      <translation>Panga miadi (Ctrl+B)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="138" />
      <source>&amp;Move…</source>
      <translation>Ha&amp;misha…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="139" />
      <source>&amp;Cancel appointment…</source>
      <translation>&amp;Ghairi miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="140" />
      <source>Book &amp;follow-up…</source>
      <translation>Miadi ya &amp;ufuatiliaji…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="141" />
      <source>&amp;Open patient</source>
      <translation>&amp;Fungua rekodi ya mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="145" />
      <source>grey: not working</source>
      <translation>kijivu: si saa za kazi</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="159" />
      <source>Pro&amp;vider:</source>
      <translation>Mhu&amp;dumu:</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="257" />
      <source>All providers</source>
      <translation>Wahudumu wote</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="283" />
      <source>{day} · Today</source>
      <translation>{day} · Leo</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="311" />
      <source>Week of {date}</source>
      <translation>Wiki ya {date}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="315" />
      <source>Today, {date}</source>
      <translation>Leo, {date}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="338" />
      <source>Today</source>
      <translation>Leo</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="349" />
      <source>Not working</source>
      <translation>Si saa za kazi</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="402" />
      <source>{start}–{end} {patient} ({type}), {status}</source>
      <translation>{start}–{end} {patient} ({type}), {status}</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_view.py" line="480" />
      <source>Cancel {patient}'s appointment of {when}?</source>
      <translation>Ughairi miadi ya {patient} ya {when}?</translation>
    </message>
    <message>
      <source>Cancel appointment</source>
      <translation type="vanished">Ghairi miadi</translation>
    </message>
    <message>
      <source>Cancel the appointment</source>
      <translation type="vanished">Ghairi miadi</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="vanished">Inaghairi…</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation type="vanished">Usighairi</translation>
    </message>
  </context>
  <context>
    <name>CarePlanScreen</name>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="79" />
      <source>Problems</source>
      <translation>Matatizo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="80" />
      <source>Goals</source>
      <translation>Malengo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="81" />
      <source>Tasks</source>
      <translation>Kazi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="82" />
      <source>Follow-ups</source>
      <translation>Ufuatiliaji</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="88" />
      <source>Problem</source>
      <translation>Tatizo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="89" />
      <source>Goal</source>
      <translation>Lengo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="90" />
      <source>Task</source>
      <translation>Kazi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="91" />
      <source>Follow-up</source>
      <translation>Ufuatiliaji</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="99" />
      <source>monthly (30 days)</source>
      <translation>kila mwezi (siku 30)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="101" />
      <source>weekly</source>
      <translation>kila wiki</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="102" />
      <source>every {n} days</source>
      <translation>kila siku {n}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="108" />
      <source>{mark} done by {who} on {when}</source>
      <translation>{mark} imefanywa na {who}, {when}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="110" />
      <source>someone</source>
      <translation>mtu fulani</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="114" />
      <location filename="../../ui/care_plan_screen.py" line="365" />
      <source>next due {day}</source>
      <translation>inayofuata inatakiwa {day}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="117" />
      <source>⊘ cancelled</source>
      <translation>⊘ imeghairiwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="119" />
      <source>{mark} missed</source>
      <translation>{mark} haikufanyika kwa wakati</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="121" />
      <source>due today</source>
      <translation>inatakiwa leo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="122" />
      <source>to do</source>
      <translation>ya kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="171" />
      <source>Care plan</source>
      <translation>Mpango wa matunzo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="174" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="184" />
      <source>The plan's problems, goals, tasks and follow-ups</source>
      <translation>Matatizo, malengo, kazi na ufuatiliaji wa mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="188" />
      <source>What</source>
      <translation>Nini</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="189" />
      <source>Owner</source>
      <translation>Mhusika</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="190" />
      <source>Due</source>
      <translation>Inatakiwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="191" />
      <source>Repeats</source>
      <translation>Marudio</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="192" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="219" />
      <source>&amp;Add an item…</source>
      <translation>&amp;Ongeza kipengele…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="222" />
      <source>Check &amp;off</source>
      <translation>&amp;Tia alama</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="222" />
      <source>Done now, by you (Space)</source>
      <translation>Imefanywa sasa, na wewe (Space)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="226" />
      <source>&amp;Untick</source>
      <translation>Ondoa &amp;alama</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="226" />
      <source>Checked off by mistake (Space)</source>
      <translation>Imetiwa alama kimakosa (Space)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="229" />
      <source>&amp;Edit the item…</source>
      <translation>&amp;Hariri kipengele…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="230" />
      <source>Cancel the ite&amp;m…</source>
      <translation>Ghairi &amp;kipengele…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="232" />
      <source>&amp;Bring back</source>
      <translation>&amp;Rejesha</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="234" />
      <source>Edit the &amp;plan…</source>
      <translation>Hariri &amp;mpango…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="235" />
      <source>Re&amp;viewed…</source>
      <translation>Mapitio &amp;yamefanyika…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="236" />
      <source>The plan was reviewed today: set the next review</source>
      <translation>Mpango umepitiwa leo: weka mapitio yanayofuata</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="237" />
      <source>Comp&amp;lete the plan…</source>
      <translation>Kam&amp;ilisha mpango…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="239" />
      <source>&amp;Reopen the plan…</source>
      <translation>Fungua &amp;upya mpango…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="241" />
      <source>Cancel the pla&amp;n…</source>
      <translation>Ghairi m&amp;pango…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="244" />
      <source>Pr&amp;int the summary…</source>
      <translation>&amp;Chapisha muhtasari…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="247" />
      <source>Open the pa&amp;tient's record</source>
      <translation>Fungua rekodi ya mgo&amp;njwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="249" />
      <source>&amp;Close</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="345" />
      <source>{plan} — care plan of {patient}</source>
      <translation>{plan} — mpango wa matunzo wa {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="349" />
      <source>Care plan: {patient}</source>
      <translation>Mpango wa matunzo: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="360" />
      <source>{n} to do</source>
      <translation>{n} za kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="362" />
      <source>({mark} {n} missed)</source>
      <translation>({mark} {n} hazikufanyika kwa wakati)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="368" />
      <source>{mark} review due since {day}</source>
      <translation>{mark} mapitio yalitakiwa tangu {day}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="382" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="383" />
      <source>Led by</source>
      <translation>Anaongozwa na</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="383" />
      <source>nobody named</source>
      <translation>hakuna aliyetajwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="384" />
      <source>Started</source>
      <translation>Ulianza</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="387" />
      <source>Next review</source>
      <translation>Mapitio yajayo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="388" />
      <source>not set</source>
      <translation>haijawekwa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="390" />
      <source>Ended</source>
      <translation>Uliisha</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="391" />
      <source>Notes</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="419" />
      <source>(none yet)</source>
      <translation>(bado hakuna)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="543" />
      <source>Checking off…</source>
      <translation>Inatia alama…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="551" />
      <source>Unticking…</source>
      <translation>Inaondoa alama…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="558" />
      <source>Bringing back…</source>
      <translation>Inarejesha…</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="563" />
      <source>{what}: {patient}</source>
      <translation>{what}: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="571" />
      <source>New item of the plan</source>
      <translation>Kipengele kipya cha mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="571" />
      <source>Add to the plan</source>
      <translation>Ongeza kwenye mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="574" />
      <source>&amp;Kind:</source>
      <translation>&amp;Aina:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="578" />
      <location filename="../../ui/care_plan_screen.py" line="611" />
      <source>&amp;What:</source>
      <translation>&amp;Kipengele:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="579" />
      <source>e.g. Blood pressure check, HbA1c below 7 %, Home visit by the CHW</source>
      <translation>k.m. Kupima shinikizo la damu, HbA1c chini ya 7 %, Kutembelewa nyumbani na mhudumu wa afya ya jamii</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="610" />
      <source>Change the item</source>
      <translation>Badilisha kipengele</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="610" />
      <location filename="../../ui/care_plan_screen.py" line="659" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="642" />
      <location filename="../../ui/care_plan_screen.py" line="642" />
      <source>Cancel the item</source>
      <translation>Ghairi kipengele</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="645" />
      <location filename="../../ui/care_plan_screen.py" line="736" />
      <source>&amp;Why:</source>
      <translation>&amp;Kwa nini:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="646" />
      <source>e.g. no longer needed, done elsewhere, entered by mistake</source>
      <translation>k.m. hakihitajiki tena, kimefanyika kwingine, kiliingizwa kimakosa</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="659" />
      <source>Change the plan</source>
      <translation>Badilisha mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="660" />
      <location filename="../../ui/care_plan_screen.py" line="945" />
      <source>&amp;For:</source>
      <translation>&amp;Kwa ajili ya:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="663" />
      <location filename="../../ui/care_plan_screen.py" line="949" />
      <source>&amp;Review:</source>
      <translation>&amp;Mapitio:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="663" />
      <location filename="../../ui/care_plan_screen.py" line="949" />
      <source>Review on</source>
      <translation>Mapitio tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="665" />
      <location filename="../../ui/care_plan_screen.py" line="953" />
      <source>&amp;Notes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="683" />
      <source>Plan reviewed today</source>
      <translation>Mpango umepitiwa leo</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="683" />
      <source>Save the review</source>
      <translation>Hifadhi mapitio</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="685" />
      <source>&amp;Next review on:</source>
      <translation>&amp;Mapitio yajayo tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="687" />
      <source>What the review &amp;decided:</source>
      <translation>Mapitio &amp;yameamua nini:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="715" />
      <location filename="../../ui/care_plan_screen.py" line="716" />
      <source>Complete the plan</source>
      <translation>Kamilisha mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="718" />
      <source>&amp;Note (optional):</source>
      <translation>&amp;Maelezo (si lazima):</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="719" />
      <source>Its open tasks leave the worklist; they come back if it is reopened.</source>
      <translation>Kazi zake zilizo wazi zinaondoka kwenye orodha ya kazi; zinarudi mpango ukifunguliwa upya.</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="724" />
      <location filename="../../ui/care_plan_screen.py" line="725" />
      <source>Reopen the plan</source>
      <translation>Fungua upya mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="727" />
      <source>&amp;Why (optional):</source>
      <translation>&amp;Kwa nini (si lazima):</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="728" />
      <source>e.g. the condition came back</source>
      <translation>k.m. hali imerudi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="733" />
      <location filename="../../ui/care_plan_screen.py" line="734" />
      <source>Cancel the plan</source>
      <translation>Ghairi mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="737" />
      <source>e.g. made in error, the patient moved away</source>
      <translation>k.m. uliandaliwa kimakosa, mgonjwa amehama</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="842" />
      <source>does not repeat</source>
      <translation>hairudiwi</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="843" />
      <source> days</source>
      <translation> siku</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="845" />
      <source>Every how many days it comes back once done (30 for monthly)</source>
      <translation>Hurudi kila baada ya siku ngapi ikishafanywa (30 kwa kila mwezi)</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="866" />
      <source>&amp;Led by:</source>
      <translation>Anaongozwa &amp;na:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="873" />
      <source>&amp;Owner:</source>
      <translation>Mh&amp;usika:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="877" />
      <source>A user of the clinic, or type the name of someone else (e.g. a CHW).</source>
      <translation>Mtumiaji wa kliniki, au andika jina la mtu mwingine (k.m. mhudumu wa afya ya jamii).</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="882" />
      <source>&amp;Due:</source>
      <translation>&amp;Tarehe inayotakiwa:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="882" />
      <source>Due on</source>
      <translation>Inatakiwa tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="885" />
      <source>Re&amp;peat every:</source>
      <translation>&amp;Rudia kila:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="887" />
      <source>No&amp;te:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="942" />
      <source>New care plan: {patient}</source>
      <translation>Mpango mpya wa matunzo: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="943" />
      <source>Make the plan</source>
      <translation>Andaa mpango</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="945" />
      <source>e.g. Type 2 diabetes, Hypertension</source>
      <translation>k.m. Kisukari aina ya 2, Shinikizo la damu</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="947" />
      <source>&amp;Started on:</source>
      <translation>&amp;Ulianza tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="951" />
      <source>&amp;Problems:</source>
      <translation>Ma&amp;tatizo:</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="951" />
      <location filename="../../ui/care_plan_screen.py" line="952" />
      <source>One a line.</source>
      <translation>Moja kwa kila mstari.</translation>
    </message>
    <message>
      <location filename="../../ui/care_plan_screen.py" line="952" />
      <source>&amp;Goals:</source>
      <translation>Ma&amp;lengo:</translation>
    </message>
  </context>
  <context>
    <name>CarePlansTab</name>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="37" />
      <source>Ne&amp;w care plan…</source>
      <translation>Mpango mpya wa &amp;matunzo…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="67" />
      <source>Care pla&amp;ns</source>
      <translation>Mipango &amp;ya matunzo</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="71" />
      <source>Plan</source>
      <translation>Mpango</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="72" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="73" />
      <source>Led by</source>
      <translation>Anaongozwa na</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="74" />
      <source>To do</source>
      <translation>Za kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="75" />
      <source>Next due</source>
      <translation>Inayofuata inatakiwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="76" />
      <source>Review</source>
      <translation>Mapitio</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="86" />
      <source>No care plan for this patient.</source>
      <translation>Hakuna mpango wa matunzo wa mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="91" />
      <source>{open} ({missed} missed)</source>
      <translation>{open} ({missed} hazikufanyika kwa wakati)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_care_plans.py" line="96" />
      <source>⚠ {date} · due</source>
      <translation>⚠ {date} · inatakiwa</translation>
    </message>
  </context>
  <context>
    <name>ChangedElsewhere</name>
    <message>
      <location filename="../../ui/patient_refresh.py" line="88" />
      <source>R&amp;eload from the record</source>
      <translation>Onyesha rekodi ili&amp;vyo sasa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="138" />
      <source>This patient's record was changed on another laptop (a sync brought it).</source>
      <translation>Rekodi ya mgonjwa huyu ilibadilishwa kwenye kompyuta nyingine (imeletwa na usawazishaji).</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="140" />
      <source>This patient's record was changed elsewhere while you edited it.</source>
      <translation>Rekodi ya mgonjwa huyu ilibadilishwa mahali pengine ulipokuwa ukiihariri.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="145" />
      <source>The fields you had not touched show the new values; what you typed is kept.</source>
      <translation>Sehemu ambazo hukuzigusa zinaonyesha thamani mpya; ulichoandika kimebakizwa.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="150" />
      <source>The form shows the record as it is now.</source>
      <translation>Fomu inaonyesha rekodi ilivyo sasa.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="152" />
      <source>(empty)</source>
      <translation>(tupu)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="154" />
      <source>Changed there too: {field}, now “{value}” there; yours is kept.</source>
      <translation>Imebadilishwa huko pia: {field}, sasa ni “{value}” huko; yako imebakizwa.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="206" />
      <source>Reload the record?</source>
      <translation>Onyesha rekodi ilivyo sasa?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="207" />
      <source>What you typed in this form is thrown away, and the form shows the record as it is now.</source>
      <translation>Ulichoandika kwenye fomu hii kitaachwa, na fomu itaonyesha rekodi ilivyo sasa.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="212" />
      <source>Reload</source>
      <translation>Onyesha upya</translation>
    </message>
    <message>
      <location filename="../../ui/patient_refresh.py" line="213" />
      <source>Keep what I typed</source>
      <translation>Baki na nilichoandika</translation>
    </message>
  </context>
  <context>
    <name>ClaimScreen</name>
    <message>
      <location filename="../../ui/claim_screen.py" line="80" />
      <source>&amp;Submit to the scheme…</source>
      <translation>&amp;Wasilisha kwa mpango wa bima…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="81" />
      <source>Re&amp;submit…</source>
      <translation>Wasilisha &amp;tena…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="82" />
      <source>Record &amp;paid…</source>
      <translation>Rekodi &amp;limelipwa…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="83" />
      <source>Record re&amp;jected…</source>
      <translation>Rekodi lime&amp;kataliwa…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="84" />
      <source>&amp;Withdraw…</source>
      <translation>&amp;Ondoa dai…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="90" />
      <source>(the membership was removed)</source>
      <translation>(uanachama umeondolewa)</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="91" />
      <source>member no. {number}</source>
      <translation>namba ya uanachama {number}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="93" />
      <source>through {holder}</source>
      <translation>kupitia {holder}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="95" />
      <source>valid until {day}</source>
      <translation>inatumika hadi {day}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="121" />
      <source>Claim</source>
      <translation>Dai</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="124" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="142" />
      <source>Print the claim &amp;form…</source>
      <translation>Chapisha &amp;fomu ya dai…</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="144" />
      <source>Open the &amp;invoice</source>
      <translation>Fungua &amp;ankara</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="147" />
      <source>Clos&amp;e</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="203" />
      <source>a scheme</source>
      <translation>mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="205" />
      <source>Claim to {scheme}: {patient}</source>
      <translation>Dai kwa {scheme}: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="207" />
      <source>Claim: {patient}</source>
      <translation>Dai: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="211" />
      <source>rejected because: {why}</source>
      <translation>limekataliwa kwa sababu: {why}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="226" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="229" />
      <source>Membership</source>
      <translation>Uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="232" />
      <source>Invoice</source>
      <translation>Ankara</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="233" />
      <source>{number}: total {total}, still owed {owed}</source>
      <translation>{number}: jumla {total}, bado inadaiwa {owed}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="234" />
      <source>(draft)</source>
      <translation>(rasimu)</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="241" />
      <source>Diagnoses</source>
      <translation>Utambuzi</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="242" />
      <source>none yet: code one on the invoice before submitting</source>
      <translation>bado hakuna: weka msimbo wa utambuzi kwenye ankara kabla ya kuwasilisha</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="244" />
      <source>Claimed</source>
      <translation>Kiasi kinachodaiwa</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="245" />
      <source>Drafted</source>
      <translation>Liliandaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="248" />
      <source>Submitted</source>
      <translation>Liliwasilishwa</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="255" />
      <source>Decided</source>
      <translation>Uamuzi</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="256" />
      <source>Paid by the scheme</source>
      <translation>Kilicholipwa na mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="257" />
      <source>Rejected because</source>
      <translation>Sababu ya kukataliwa</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="258" />
      <source>The scheme's reference</source>
      <translation>Namba ya kumbukumbu ya mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="259" />
      <source>Notes</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="295" />
      <source>Withdraw the claim</source>
      <translation>Ondoa dai</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="296" />
      <source>Withdraw the claim of {amount} to {scheme}? It cannot be taken up again.</source>
      <translation>Uondoe dai la {amount} kwa {scheme}? Haliwezi kufufuliwa tena.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="306" />
      <source>{step}: {patient}</source>
      <translation>{step}: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="309" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="316" />
      <location filename="../../ui/claim_screen.py" line="471" />
      <source>&amp;Amount claimed:</source>
      <translation>&amp;Kiasi kinachodaiwa:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="318" />
      <source>Corrected if the scheme asked for it.</source>
      <translation>Kirekebishwe ikiwa mpango wa bima uliomba.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="320" />
      <source>&amp;Submitted on:</source>
      <translation>&amp;Liliwasilishwa tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="332" />
      <source>&amp;Amount the scheme paid:</source>
      <translation>&amp;Kiasi kilicholipwa na mpango wa bima:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="334" />
      <source>In {currency}: recorded as the scheme's payment on the invoice.</source>
      <translation>Kwa {currency}: kinarekodiwa kama malipo ya mpango wa bima kwenye ankara.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="338" />
      <source>The scheme's &amp;reference:</source>
      <translation>&amp;Namba ya kumbukumbu ya mpango wa bima:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="339" />
      <source>Paid &amp;on:</source>
      <translation>Lililipwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="353" />
      <source>&amp;Why the scheme rejected it:</source>
      <translation>&amp;Kwa nini mpango wa bima ulilikataa:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="354" />
      <source>What to correct before resubmitting.</source>
      <translation>Kinachopaswa kusahihishwa kabla ya kuwasilisha tena.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="356" />
      <source>Rejected &amp;on:</source>
      <translation>Lilikataliwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="434" />
      <source>Make a claim</source>
      <translation>Andaa dai</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="435" />
      <source>{patient} has no membership of a scheme: add one on the record's Coverage tab first.</source>
      <translation>{patient} hana uanachama wa mpango wowote wa bima: kwanza ongeza uanachama kwenye kichupo cha Bima cha rekodi.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="460" />
      <source>Claim for invoice {number}</source>
      <translation>Dai la ankara {number}</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="461" />
      <source>Draft the claim</source>
      <translation>Andaa rasimu ya dai</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="465" />
      <source>&amp;Through:</source>
      <translation>Ku&amp;pitia:</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="473" />
      <source>In {currency}. Still owed on the invoice: {owed}.</source>
      <translation>Kwa {currency}. Bado kinadaiwa kwenye ankara: {owed}.</translation>
    </message>
    <message>
      <location filename="../../ui/claim_screen.py" line="477" />
      <source>&amp;Notes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
  </context>
  <context>
    <name>ClinicPanel</name>
    <message>
      <location filename="../../ui/clinic_admin.py" line="84" />
      <source>Starts every new clinic number: KHP in KHP-QX0042.</source>
      <translation>Huanza kila namba mpya ya usajili: KHP katika KHP-QX0042.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="88" />
      <source>2 to 5 capital letters or digits, starting with a letter.</source>
      <translation>Herufi kubwa au tarakimu 2 hadi 5, zikianza kwa herufi.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="99" />
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="100" />
      <source>Letter</source>
      <translation>Letter (ya Marekani)</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="102" />
      <source>The clinic</source>
      <translation>Kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="106" />
      <source>Na&amp;me:</source>
      <translation>&amp;Jina:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="107" />
      <source>C&amp;linic code:</source>
      <translation>Msimbo wa &amp;kliniki:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="108" />
      <source>Phon&amp;e:</source>
      <translation>&amp;Simu:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="109" />
      <source>A&amp;ddress:</source>
      <translation>&amp;Anwani:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="110" />
      <source>Paper si&amp;ze:</source>
      <translation>&amp;Ukubwa wa karatasi:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="122" />
      <source>Save the clinic's de&amp;tails</source>
      <translation>Hifadhi &amp;taarifa za kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="126" />
      <source>Printed on appointment slips, forms and letters.</source>
      <translation>Huchapishwa kwenye kadi za miadi, fomu na barua.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="132" />
      <location filename="../../ui/clinic_admin.py" line="139" />
      <source>Opening hours and providers</source>
      <translation>Saa za kufungua na wahudumu</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="134" />
      <source>Add a pro&amp;vider…</source>
      <translation>Ongeza &amp;mhudumu…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="135" />
      <source>&amp;Rename…</source>
      <translation>&amp;Badilisha jina…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="137" />
      <source>Has le&amp;ft…</source>
      <translation>Ame&amp;ondoka…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="147" />
      <source>Working hours</source>
      <translation>Saa za kazi</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="157" />
      <source>day off</source>
      <translation>siku ya mapumziko</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="166" />
      <source>e.g. 08:00–13:00, 14:00–17:00. Leave empty for a day off.</source>
      <translation>k.m. 08:00–13:00, 14:00–17:00. Acha wazi kwa siku ya mapumziko.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="168" />
      <source>Save &amp;working hours</source>
      <translation>&amp;Hifadhi saa za kazi</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="176" />
      <location filename="../../ui/clinic_admin.py" line="181" />
      <source>Appointment types</source>
      <translation>Aina za miadi</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="178" />
      <source>Add an appointment t&amp;ype…</source>
      <translation>Ongeza a&amp;ina ya miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="179" />
      <source>&amp;Change…</source>
      <translation>Ba&amp;dilisha…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="180" />
      <source>No longer u&amp;sed…</source>
      <translation>Haitumiki te&amp;na…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="258" />
      <location filename="../../ui/clinic_admin.py" line="328" />
      <source>Clinic opening hours</source>
      <translation>Saa za kufungua kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="260" />
      <location filename="../../ui/clinic_admin.py" line="329" />
      <source>A new provider starts with these hours.</source>
      <translation>Mhudumu mpya huanza na saa hizi.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="276" />
      <source>{name} — {minutes} min</source>
      <translation>{name} — dak. {minutes}</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="334" />
      <source>Working hours of {name}</source>
      <translation>Saa za kazi za {name}</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="387" />
      <location filename="../../ui/clinic_admin.py" line="436" />
      <source>Saved.</source>
      <translation>Imehifadhiwa.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="402" />
      <source>Saving the clinic's details…</source>
      <translation>Inahifadhi taarifa za kliniki…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="443" />
      <source>Saving working hours…</source>
      <translation>Inahifadhi saa za kazi…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="452" />
      <source>Add a provider</source>
      <translation>Ongeza mhudumu</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="453" />
      <source>The new provider works the clinic's opening hours; change them under Working hours once added.</source>
      <translation>Mhudumu mpya atafanya kazi katika saa za kufungua kliniki; zibadilishe chini ya Saa za kazi akishaongezwa.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="458" />
      <location filename="../../ui/clinic_admin.py" line="473" />
      <location filename="../../ui/clinic_admin.py" line="512" />
      <location filename="../../ui/clinic_admin.py" line="532" />
      <source>&amp;Name:</source>
      <translation>&amp;Jina:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="459" />
      <location filename="../../ui/clinic_admin.py" line="474" />
      <source>&amp;Title:</source>
      <translation>&amp;Cheo:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="459" />
      <source>e.g. Clinical officer</source>
      <translation>k.m. Tabibu</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="472" />
      <source>Rename a provider</source>
      <translation>Badilisha jina la mhudumu</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="493" />
      <location filename="../../ui/clinic_admin.py" line="554" />
      <source>Saving…</source>
      <translation>Inahifadhi…</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="498" />
      <source>Provider has left</source>
      <translation>Mhudumu ameondoka</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="499" />
      <source>{name} will no longer be offered for new appointments. Past and booked appointments keep the name.</source>
      <translation>{name} hatapatikana tena kwa miadi mipya. Miadi iliyopita na iliyopangwa inabaki na jina hilo.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="504" />
      <source>No longer offer {name}</source>
      <translation>Mwondoe {name} kwenye machaguo</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="505" />
      <location filename="../../ui/clinic_admin.py" line="566" />
      <source>Keep</source>
      <translation>Acha kama ilivyo</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="511" />
      <source>Add an appointment type</source>
      <translation>Ongeza aina ya miadi</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="512" />
      <source>e.g. Antenatal visit</source>
      <translation>k.m. Kliniki ya wajawazito</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="513" />
      <location filename="../../ui/clinic_admin.py" line="534" />
      <source>&amp;Duration:</source>
      <translation>&amp;Muda:</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="513" />
      <location filename="../../ui/clinic_admin.py" line="534" />
      <source> min</source>
      <translation> dak.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="529" />
      <source>Change an appointment type</source>
      <translation>Badilisha aina ya miadi</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="530" />
      <source>Appointments already booked keep their length.</source>
      <translation>Miadi iliyokwisha pangwa inabaki na muda wake.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="559" />
      <source>Appointment type no longer used</source>
      <translation>Aina ya miadi isiyotumika tena</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="560" />
      <source>{name} will no longer be offered for new appointments. Appointments already booked keep it.</source>
      <translation>{name} haitapatikana tena kwa miadi mipya. Miadi iliyokwisha pangwa inaibakiza.</translation>
    </message>
    <message>
      <location filename="../../ui/clinic_admin.py" line="565" />
      <source>No longer offer it</source>
      <translation>Iondoe kwenye machaguo</translation>
    </message>
    <message>
      <source>&amp;Save working hours</source>
      <translation type="vanished">&amp;Hifadhi saa za kazi</translation>
    </message>
    <message>
      <source>Add a &amp;provider…</source>
      <translation type="vanished">Ongeza &amp;mhudumu…</translation>
    </message>
    <message>
      <source>Add an appointment &amp;type…</source>
      <translation type="vanished">Ongeza a&amp;ina ya miadi…</translation>
    </message>
    <message>
      <source>Has &amp;left…</source>
      <translation type="vanished">Ame&amp;ondoka…</translation>
    </message>
    <message>
      <source>No longer &amp;used…</source>
      <translation type="vanished">Haitumiki te&amp;na…</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation type="vanished">&amp;Simu:</translation>
    </message>
    <message>
      <source>Pa&amp;per size:</source>
      <translation type="vanished">&amp;Ukubwa wa karatasi:</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation type="vanished">Wahudumu</translation>
    </message>
    <message>
      <source>R&amp;ename…</source>
      <translation type="vanished">&amp;Badilisha jina…</translation>
    </message>
    <message>
      <source>Save the clinic's &amp;details</source>
      <translation type="vanished">Hifadhi &amp;taarifa za kliniki</translation>
    </message>
    <message>
      <source>“{part}” is not a time range: write it like 08:00–13:00.</source>
      <translation type="vanished">“{part}” si muda sahihi: uandike hivi 08:00–13:00.</translation>
    </message>
  </context>
  <context>
    <name>ClockBanner</name>
    <message>
      <location filename="../../ui/sync_page.py" line="69" />
      <source>This laptop's clock is wrong</source>
      <translation>Saa ya kompyuta hii si sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="85" />
      <source>This laptop's clock is {minutes} minutes slow: set the right time and date (Outpost corrects its own records by HQ's clock meanwhile).</source>
      <translation>Saa ya kompyuta hii imechelewa dakika {minutes}: weka saa na tarehe sahihi (kwa sasa Outpost inasahihisha kumbukumbu zake kwa saa ya makao makuu).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="90" />
      <source>This laptop's clock is {minutes} minutes fast: set the right time and date (Outpost corrects its own records by HQ's clock meanwhile).</source>
      <translation>Saa ya kompyuta hii imetangulia dakika {minutes}: weka saa na tarehe sahihi (kwa sasa Outpost inasahihisha kumbukumbu zake kwa saa ya makao makuu).</translation>
    </message>
  </context>
  <context>
    <name>Coverage</name>
    <message>
      <location filename="../../ui/coverage_screens.py" line="60" />
      <source>{start} to {end}</source>
      <translation>{start} hadi {end}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="62" />
      <source>until {end}</source>
      <translation>hadi {end}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="64" />
      <source>from {start}</source>
      <translation>kuanzia {start}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="65" />
      <source>no end date</source>
      <translation>bila tarehe ya mwisho</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="70" />
      <source>ended</source>
      <translation>imekoma</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="87" />
      <source>Record a verification</source>
      <translation>Rekodi uthibitisho</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="87" />
      <source>Save the verification</source>
      <translation>Hifadhi uthibitisho</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="91" />
      <source>Reading the membership…</source>
      <translation>Inasoma uanachama…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="109" />
      <source>&amp;How:</source>
      <translation>&amp;Njia:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="115" />
      <source>&amp;Answer:</source>
      <translation>&amp;Jibu:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="119" />
      <source>&amp;When:</source>
      <translation>&amp;Lini:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="125" />
      <source>&amp;Reference:</source>
      <translation>&amp;Kumbukumbu:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="126" />
      <source>The scheme's reference for the check, if it gave one.</source>
      <translation>Namba ya kumbukumbu ya uthibitisho kutoka kwa mpango wa bima, ikiwa ilitoa.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="128" />
      <source>&amp;Note:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="153" />
      <source>Verification: {patient}, {scheme}</source>
      <translation>Uthibitisho: {patient}, {scheme}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="158" />
      <source>{scheme} {number} — {patient}</source>
      <translation>{scheme} {number} — {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="163" />
      <source>Holder: {name}</source>
      <translation>Mwenye bima: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="164" />
      <source>Valid: {when}</source>
      <translation>Inatumika: {when}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="165" />
      <source>Today: {status} ({why})</source>
      <translation>Leo: {status} ({why})</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="173" />
      <source>{when}: {answer} ({method}{reference}{by})</source>
      <translation>{when}: {answer} ({method}{reference}{by})</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="178" />
      <source>, by {name}</source>
      <translation>, na {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="182" />
      <source>Last checks:</source>
      <translation>Uthibitisho wa mwisho:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="184" />
      <source>Never verified before.</source>
      <translation>Haijawahi kuthibitishwa.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="187" />
      <source>This membership was ended: nothing to verify.</source>
      <translation>Uanachama huu umekomeshwa: hakuna cha kuthibitisha.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="212" />
      <source>Reading the clinic's schemes…</source>
      <translation>Inasoma mipango ya bima ya kliniki…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="227" />
      <source>No scheme yet: add the clinic's in Settings → Schemes</source>
      <translation>Bado hakuna mpango wa bima: ongeza ya kliniki katika Mipangilio → Mipango ya bima</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="238" />
      <source>New membership: {patient}</source>
      <translation>Uanachama mpya: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="239" />
      <source>Add the membership</source>
      <translation>Ongeza uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="242" />
      <source>&amp;Scheme:</source>
      <translation>&amp;Mpango wa bima:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="243" />
      <source>&amp;Member number:</source>
      <translation>Namba ya uana&amp;chama:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="243" />
      <source>As it is on the card.</source>
      <translation>Kama ilivyo kwenye kadi.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="246" />
      <source>&amp;Holder:</source>
      <translation>Mwenye &amp;bima:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="247" />
      <source>The principal member, when the patient is a dependant (else leave empty).</source>
      <translation>Mwanachama mkuu, ikiwa mgonjwa ni mtegemezi (vinginevyo acha wazi).</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="249" />
      <source>Valid &amp;from:</source>
      <translation>Inatumika &amp;kuanzia:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="249" />
      <source>From</source>
      <translation>Kuanzia</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="250" />
      <source>Valid &amp;until:</source>
      <translation>Inatumika &amp;hadi:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="250" />
      <source>Until</source>
      <translation>Hadi</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="251" />
      <source>&amp;Notes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="256" />
      <source>Choose the scheme (Settings → Schemes has the list).</source>
      <translation>Chagua mpango wa bima (orodha iko katika Mipangilio → Mipango ya bima).</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="281" />
      <source>End the membership: {scheme} {number}</source>
      <translation>Komesha uanachama: {scheme} {number}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="284" />
      <source>The membership stays in the record, marked ended; it no longer counts at check-in or when booking.</source>
      <translation>Uanachama unabaki kwenye rekodi, ukiwa na alama ya kukomeshwa; hauhesabiwi tena wakati wa kusajili kufika au kupanga miadi.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="288" />
      <source>End the membership</source>
      <translation>Komesha uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="290" />
      <source>&amp;Why:</source>
      <translation>&amp;Kwa nini:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="290" />
      <source>e.g. the patient left the scheme</source>
      <translation>k.m. mgonjwa amejitoa kwenye mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="309" />
      <source>New scheme</source>
      <translation>Mpango mpya wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="309" />
      <source>Change {name}</source>
      <translation>Badilisha {name}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="310" />
      <source>A health insurance scheme or insurer the clinic's patients belong to. The list reaches every laptop of the clinic at the next sync.</source>
      <translation>Mpango wa bima ya afya au kampuni ya bima ambayo wagonjwa wa kliniki ni wanachama wake. Orodha hufika kwenye kila kompyuta ya kliniki katika usawazishaji unaofuata.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="314" />
      <source>Add to the list</source>
      <translation>Ongeza kwenye orodha</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="314" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="316" />
      <source>&amp;Name:</source>
      <translation>&amp;Jina:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="319" />
      <source>&amp;Kind:</source>
      <translation>&amp;Aina:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="323" />
      <source>&amp;Phone:</source>
      <translation>&amp;Simu:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="324" />
      <source>&amp;Address:</source>
      <translation>Anwa&amp;ni:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="327" />
      <source>&amp;Verify every:</source>
      <translation>&amp;Thibitisha kila:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="331" />
      <source> days</source>
      <translation> siku</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="333" />
      <source>N&amp;otes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Scheme</source>
      <translation>Mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Kind</source>
      <translation>Aina</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Verify every</source>
      <translation>Thibitisha kila</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="365" />
      <source>Offered</source>
      <translation>Inatolewa</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="369" />
      <source>The clinic's schemes and insurers</source>
      <translation>Mipango ya bima na kampuni za bima za kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="379" />
      <source>A&amp;dd a scheme…</source>
      <translation>Ongeza mpango wa &amp;bima…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="381" />
      <source>&amp;Change…</source>
      <translation>Ba&amp;dilisha…</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="383" />
      <location filename="../../ui/coverage_screens.py" line="457" />
      <source>No longer o&amp;ffered</source>
      <translation>Si chaguo &amp;tena</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="386" />
      <source>The schemes and insurers a patient's membership is chosen from. One no longer offered keeps the memberships it has.</source>
      <translation>Mipango ya bima na kampuni za bima ambazo uanachama wa mgonjwa huchaguliwa kutoka kwazo. Mpango usiotolewa tena kama chaguo unabaki na uanachama ulio nao.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="429" />
      <source>{n} days</source>
      <translation>siku {n}</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="430" />
      <source>yes</source>
      <translation>ndiyo</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="430" />
      <source>no longer</source>
      <translation>si tena</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="455" />
      <source>Offe&amp;r again</source>
      <translation>Iwe chaguo &amp;tena</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="493" />
      <source>No longer offered</source>
      <translation>Si chaguo tena</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="494" />
      <source>{name} will no longer be offered for new memberships. The memberships it has stay as they are.</source>
      <translation>{name} haitatolewa tena kama chaguo kwa uanachama mpya. Uanachama ulio nao unabaki kama ulivyo.</translation>
    </message>
    <message>
      <location filename="../../ui/coverage_screens.py" line="499" />
      <source>No longer offer it</source>
      <translation>Iondoe kwenye machaguo</translation>
    </message>
  </context>
  <context>
    <name>CoverageTab</name>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="46" />
      <source>Verif&amp;y the membership…</source>
      <translation>Thibitisha uanacha&amp;ma…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="47" />
      <source>Record how it was checked and the answer (Enter)</source>
      <translation>Rekodi jinsi ulivyothibitishwa, na jibu (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="48" />
      <source>Add a me&amp;mbership…</source>
      <translation>On&amp;geza uanachama…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="50" />
      <source>End the member&amp;ship…</source>
      <translation>&amp;Komesha uanachama…</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="102" />
      <source>Co&amp;verage</source>
      <translation>&amp;Bima</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="106" />
      <source>Scheme</source>
      <translation>Mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="107" />
      <source>Member number</source>
      <translation>Namba ya uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="108" />
      <source>Valid</source>
      <translation>Inatumika</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="109" />
      <source>Today</source>
      <translation>Leo</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="110" />
      <source>Why</source>
      <translation>Kwa nini</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="120" />
      <source>No scheme or insurer recorded for this patient.</source>
      <translation>Hakuna mpango wa bima wala kampuni ya bima iliyorekodiwa kwa mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_coverage.py" line="129" />
      <source>ended</source>
      <translation>imekoma</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="52" />
      <source>Possible duplicate</source>
      <translation>Huenda amesajiliwa tayari</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="79" />
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="80" />
      <source>Sex</source>
      <translation>Jinsia</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="81" />
      <source>Born</source>
      <translation>Alizaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="82" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="83" />
      <source>Village</source>
      <translation>Kijiji</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="84" />
      <source>National ID</source>
      <translation>Kitambulisho cha taifa</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="85" />
      <source>Clinic no.</source>
      <translation>Namba ya usajili</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="91" />
      <source>You are registering</source>
      <translation>Unayemsajili</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="93" />
      <source>Already registered ({n})</source>
      <translation>Waliosajiliwa tayari ({n})</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="102" />
      <source>Why it may be the same person</source>
      <translation>Kwa nini huenda ni mtu yuleyule</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="110" />
      <source>&amp;Open this record</source>
      <translation>&amp;Fungua rekodi hii</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="110" />
      <source>Open this record</source>
      <translation>Fungua rekodi hii</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="114" />
      <source>Open the record of {name}</source>
      <translation>Fungua rekodi ya {name}</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="132" />
      <source>This person may already be registered. Compare the new entry with the existing records (“✓ same” marks what matches). Open the existing record if it is the same person; register only if this is someone else.</source>
      <translation>Huenda mtu huyu amesajiliwa tayari. Linganisha taarifa mpya na rekodi zilizopo (“✓ sawa” huonyesha kinacholingana). Fungua rekodi iliyopo ikiwa ni mtu yuleyule; msajili tu ikiwa ni mtu mwingine.</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="140" />
      <source>&amp;Register as a different person</source>
      <translation>&amp;Sajili kama mtu mwingine</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="142" />
      <source>&amp;Back to editing</source>
      <translation>&amp;Rudi kuhariri</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="145" />
      <source>Is this the same person?</source>
      <translation>Je, ni mtu yuleyule?</translation>
    </message>
    <message>
      <location filename="../../ui/duplicate_dialog.py" line="172" />
      <source>same</source>
      <translation>sawa</translation>
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
      <translation>Hitilafu isiyotarajiwa imetokea. Hakuna kilichokuwa kimehifadhiwa kilichopotea.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="57" />
      <source>Try again. If it happens again, tell whoever looks after this laptop and show them the details below (the event is also in the log, without patient data).</source>
      <translation>Jaribu tena. Ikitokea tena, mjulishe anayeshughulikia kompyuta hii na umwonyeshe maelezo yaliyo hapa chini (tukio hili pia limeandikwa kwenye kumbukumbu za mfumo, bila taarifa za mgonjwa).</translation>
    </message>
  </context>
  <context>
    <name>Followup</name>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="54" />
      <source>normal</source>
      <translation>kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="55" />
      <source>low</source>
      <translation>chini</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="56" />
      <source>high</source>
      <translation>juu</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="57" />
      <source>critical</source>
      <translation>hatari</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="58" />
      <source>abnormal</source>
      <translation>si kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Lab</source>
      <translation>Maabara</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Imaging</source>
      <translation>Picha za uchunguzi</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="68" />
      <source>Other</source>
      <translation>Nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Value</source>
      <translation>Thamani</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Unit</source>
      <translation>Kizio</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <location filename="../../ui/followup_dialogs.py" line="137" />
      <source>Flag</source>
      <translation>Alama</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="103" />
      <source>Normal range</source>
      <translation>Kiwango cha kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="105" />
      <source>Values</source>
      <translation>Thamani</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="112" />
      <source>&amp;Add a value</source>
      <translation>&amp;Ongeza thamani</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="113" />
      <source>Remove the &amp;selected value</source>
      <translation>Ondoa thamani &amp;iliyochaguliwa</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="189" />
      <source>Facility</source>
      <translation>Kituo</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="191" />
      <source>Loading the directory…</source>
      <translation>Inapakia orodha ya vituo…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="192" />
      <source>New &amp;facility…</source>
      <translation>Kituo ki&amp;pya…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="218" />
      <source>No facility yet: add one with New facility…</source>
      <translation>Bado hakuna kituo: ongeza kimoja kwa Kituo kipya…</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="359" />
      <source>New facility</source>
      <translation>Kituo kipya</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="360" />
      <source>A facility the clinic sends patients or samples to. The directory reaches every laptop of the clinic at the next sync.</source>
      <translation>Kituo ambacho kliniki hupeleka wagonjwa au sampuli. Orodha ya vituo hufika kwenye kila kompyuta ya kliniki katika usawazishaji unaofuata.</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="364" />
      <source>Add to the directory</source>
      <translation>Ongeza kwenye orodha ya vituo</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="366" />
      <source>&amp;Name:</source>
      <translation>&amp;Jina:</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="369" />
      <source>&amp;Kind:</source>
      <translation>&amp;Aina:</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="373" />
      <source>&amp;Phone:</source>
      <translation>&amp;Simu:</translation>
    </message>
    <message>
      <location filename="../../ui/followup_dialogs.py" line="374" />
      <source>&amp;Address:</source>
      <translation>Anwa&amp;ni:</translation>
    </message>
  </context>
  <context>
    <name>FormChoosers</name>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="70" />
      <source>New form for {name}</source>
      <translation>Fomu mpya ya {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="73" />
      <source>Forms</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="84" />
      <source>&amp;Fill in on screen</source>
      <translation>&amp;Jaza kwenye skrini</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="87" />
      <source>Print &amp;blank…</source>
      <translation>Chapisha &amp;tupu…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="90" />
      <source>A blank copy with the patient's name, to fill in by hand</source>
      <translation>Nakala tupu yenye jina la mgonjwa, ya kujaza kwa mkono</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="98" />
      <source>Which form?</source>
      <translation>Fomu ipi?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="147" />
      <source>Print for {name}</source>
      <translation>Chapisha kwa ajili ya {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="150" />
      <source>What to print</source>
      <translation>Cha kuchapisha</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="161" />
      <source>Blank: {title}</source>
      <translation>Tupu: {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="168" />
      <location filename="../../ui/form_view_dialogs.py" line="256" />
      <source>&amp;Preview…</source>
      <translation>Tazama &amp;kwanza…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="175" />
      <source>The patient's forms (newest first), then blank forms:</source>
      <translation>Fomu za mgonjwa (mpya kwanza), kisha fomu tupu:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="212" />
      <source>Blank forms for downtime</source>
      <translation>Fomu tupu za wakati mfumo haupatikani</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="216" />
      <source>Form</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="217" />
      <source>Copies</source>
      <translation>Nakala</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="224" />
      <source>Copies of {title}</source>
      <translation>Nakala za {title}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="233" />
      <source>Language</source>
      <translation>Lugha</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="238" />
      <source>Paper size</source>
      <translation>Ukubwa wa karatasi</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="243" />
      <source>&amp;Language:</source>
      <translation>&amp;Lugha:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="245" />
      <source>P&amp;aper:</source>
      <translation>K&amp;aratasi:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="264" />
      <source>When the laptop or the power is down, forms are filled in by hand and entered in Outpost later. Each printed form carries a code that names it.</source>
      <translation>Kompyuta au umeme ukikatika, fomu hujazwa kwa mkono na kuingizwa kwenye Outpost baadaye. Kila fomu iliyochapishwa ina msimbo unaoitambulisha.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view_dialogs.py" line="286" />
      <source>Forms to print: {count}</source>
      <translation>Fomu za kuchapisha: {count}</translation>
    </message>
  </context>
  <context>
    <name>FormFields</name>
    <message>
      <location filename="../../ui/form_fields.py" line="315" />
      <source>systolic</source>
      <translation>sistoli</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="315" />
      <source>diastolic</source>
      <translation>diastoli</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="386" />
      <source>Year-month-day, or day/month/year</source>
      <translation>Mwaka-mwezi-siku, au siku/mwezi/mwaka</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="388" />
      <source>Calendar</source>
      <translation>Kalenda</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="389" />
      <source>Choose on a calendar</source>
      <translation>Chagua kwenye kalenda</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="390" />
      <source>Choose {label} on a calendar</source>
      <translation>Chagua {label} kwenye kalenda</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="407" />
      <source>Today</source>
      <translation>Leo</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="408" />
      <source>{label}: today</source>
      <translation>{label}: leo</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="587" />
      <location filename="../../ui/form_fields.py" line="752" />
      <source>Clear</source>
      <translation>Futa</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="588" />
      <source>Take this answer back</source>
      <translation>Ondoa jibu hili</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="590" />
      <location filename="../../ui/form_fields.py" line="753" />
      <source>Clear {label}</source>
      <translation>Futa {label}</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="740" />
      <source>e.g. sister, neighbour</source>
      <translation>k.m. dada, jirani</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="741" />
      <source>Signs on the screen</source>
      <translation>Anatia sahihi kwenye skrini</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="742" />
      <source>Signs the printed copy</source>
      <translation>Anatia sahihi kwenye nakala iliyochapishwa</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="751" />
      <source>{label}: signature pad</source>
      <translation>{label}: kisanduku cha sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="756" />
      <source>Print the form after completing it; the person signs the paper, which the clinic keeps.</source>
      <translation>Chapisha fomu baada ya kuikamilisha; mhusika anatia sahihi kwenye karatasi, ambayo kliniki huitunza.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="827" />
      <source>Not signed yet.</source>
      <translation>Bado haijatiwa sahihi.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="829" />
      <source>To be signed on the printed copy.</source>
      <translation>Itatiwa sahihi kwenye nakala iliyochapishwa.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="831" />
      <source>✓ Signed on the screen.</source>
      <translation>✓ Imetiwa sahihi kwenye skrini.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="896" />
      <source>A thumbprint is given instead of a signature</source>
      <translation>Alama ya kidole gumba imewekwa badala ya sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="901" />
      <source>On the printed copy (the clinic keeps the paper)</source>
      <translation>Kwenye nakala iliyochapishwa (kliniki hutunza karatasi)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="902" />
      <source>Scanned or photographed image</source>
      <translation>Picha iliyoskaniwa au kupigwa</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="909" />
      <source>Choose the image…</source>
      <translation>Chagua picha…</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="910" />
      <source>{label}: choose the image</source>
      <translation>{label}: chagua picha</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="916" />
      <source>{label}: image</source>
      <translation>{label}: picha</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="957" />
      <source>no image</source>
      <translation>hakuna picha</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="966" />
      <source>Choose the thumbprint image</source>
      <translation>Chagua picha ya alama ya kidole gumba</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="968" />
      <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
      <translation>Picha (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="979" />
      <location filename="../../ui/form_fields.py" line="995" />
      <source>This image is too large to be a thumbprint.</source>
      <translation>Picha hii ni kubwa mno kuwa alama ya kidole gumba.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="982" />
      <source>This file could not be read as an image.</source>
      <translation>Faili hili halikuweza kusomwa kama picha.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1086" />
      <source>Add a line</source>
      <translation>Ongeza mstari</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" line="1087" />
      <source>Remove the line</source>
      <translation>Ondoa mstari</translation>
    </message>
  </context>
  <context>
    <name>FormView</name>
    <message>
      <location filename="../../ui/form_view.py" line="89" />
      <source>about {age} y</source>
      <translation>takriban miaka {age}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="89" />
      <source>{age} y</source>
      <translation>miaka {age}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="137" />
      <source>Required.</source>
      <translation>Inahitajika.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="166" />
      <source>Check:</source>
      <translation>Kagua:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="243" />
      <source>Language of the form</source>
      <translation>Lugha ya fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="244" />
      <source>The language the form is read and printed in</source>
      <translation>Lugha ambayo fomu inasomwa na kuchapishwa</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="246" />
      <source>&amp;Language:</source>
      <translation>&amp;Lugha:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="269" />
      <source>Form</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="274" />
      <source>&amp;Print…</source>
      <translation>&amp;Chapisha…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="274" />
      <source>Preview and print this form</source>
      <translation>Tazama na uchapishe fomu hii</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="276" />
      <source>&amp;Edit</source>
      <translation>&amp;Hariri</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="278" />
      <source>C&amp;orrect…</source>
      <translation>&amp;Sahihisha…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="280" />
      <source>Make a new version of this signed form, saying why</source>
      <translation>Tengeneza toleo jipya la fomu hii iliyotiwa sahihi, ukieleza sababu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="283" />
      <source>&amp;Complete</source>
      <translation>&amp;Kamilisha</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="285" />
      <source>Check every answer and store the form</source>
      <translation>Kagua kila jibu na uhifadhi fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="288" />
      <source>Close</source>
      <translation>Funga</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="342" />
      <source>Patient: {name}</source>
      <translation>Mgonjwa: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="360" />
      <source>* required</source>
      <translation>* inahitajika</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="463" />
      <source>Signed {when}.</source>
      <translation>Imetiwa sahihi {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="463" />
      <source>Signed.</source>
      <translation>Imetiwa sahihi.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="465" />
      <source>A signed form cannot be changed. To fix a mistake, use Correct…: it makes a new version that refers to this one, to be signed again.</source>
      <translation>Fomu iliyotiwa sahihi haiwezi kubadilishwa. Kurekebisha kosa, tumia Sahihisha…: inatengeneza toleo jipya linaloirejelea hii, litakalotiwa sahihi tena.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="474" />
      <source>Completed. Edit to change an answer (the form is then a draft again until it is completed), or Correct… to keep this version as it is.</source>
      <translation>Imekamilika. Chagua Hariri kubadilisha jibu (fomu inakuwa rasimu tena hadi ikamilishwe), au Sahihisha… kuacha toleo hili kama lilivyo.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="482" />
      <source>Correction of an earlier version. Reason: {reason}</source>
      <translation>Marekebisho ya toleo la awali. Sababu: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="488" />
      <source>You may read this form but not fill it in.</source>
      <translation>Unaweza kusoma fomu hii lakini huwezi kuijaza.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Draft</source>
      <translation>Rasimu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Completed</source>
      <translation>Imekamilika</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="503" />
      <source>Signed</source>
      <translation>Imetiwa sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="506" />
      <source>saved</source>
      <translation>imehifadhiwa</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="552" />
      <source>Draft — saving…</source>
      <translation>Rasimu — inahifadhi…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="604" />
      <source>Answers to look at before the form can be completed: {count}.</source>
      <translation>Majibu ya kuangalia kabla fomu haijakamilishwa: {count}.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="648" />
      <source>Draft saved at {time}</source>
      <translation>Rasimu imehifadhiwa saa {time}</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="656" />
      <source>unexpected error</source>
      <translation>hitilafu isiyotarajiwa</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="659" />
      <source>Not saved: {reason}. Trying again…</source>
      <translation>Haijahifadhiwa: {reason}. Inajaribu tena…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="670" />
      <source>Saving the form…</source>
      <translation>Inahifadhi fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="736" />
      <source>Some values are unusual:</source>
      <translation>Baadhi ya thamani si za kawaida:</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="742" />
      <source>This form is signed: once completed it can no longer be changed (a mistake is then fixed with a correction, signed again).</source>
      <translation>Fomu hii imetiwa sahihi: ikishakamilishwa haiwezi kubadilishwa tena (kosa hurekebishwa kwa marekebisho, yanayotiwa sahihi tena).</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="752" />
      <source>Complete the form</source>
      <translation>Kamilisha fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="755" />
      <source>Complete and lock</source>
      <translation>Kamilisha na ufunge</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="755" />
      <source>Complete anyway</source>
      <translation>Kamilisha hata hivyo</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="758" />
      <source>Go back</source>
      <translation>Rudi</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="786" />
      <source>Signed and stored.</source>
      <translation>Imetiwa sahihi na kuhifadhiwa.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="786" />
      <source>Completed and stored.</source>
      <translation>Imekamilika na kuhifadhiwa.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="801" />
      <source>Storing the form…</source>
      <translation>Inahifadhi fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="820" />
      <source>Correct the form</source>
      <translation>Sahihisha fomu</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="821" />
      <source>The form stays as it was; a new version is made that refers to it. Signatures are not copied: the new version is signed again.</source>
      <translation>Fomu inabaki kama ilivyokuwa; toleo jipya linatengenezwa linaloirejelea. Sahihi hazinakiliwi: toleo jipya linatiwa sahihi tena.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="825" />
      <source>Make the correction</source>
      <translation>Fanya marekebisho</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="829" />
      <source>&amp;Why is it corrected?</source>
      <translation>&amp;Kwa nini inasahihishwa?</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="830" />
      <source>For example: wrong date of birth written.</source>
      <translation>Kwa mfano: tarehe ya kuzaliwa iliandikwa vibaya.</translation>
    </message>
    <message>
      <location filename="../../ui/form_view.py" line="836" />
      <source>Say why the form is corrected.</source>
      <translation>Eleza kwa nini fomu inasahihishwa.</translation>
    </message>
  </context>
  <context>
    <name>FormsDesk</name>
    <message>
      <location filename="../../ui/forms_gateway.py" line="99" />
      <source>Opening the form…</source>
      <translation>Inafungua fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="119" />
      <source>Print</source>
      <translation>Chapisha</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="119" />
      <source>There is nothing to print for this.</source>
      <translation>Hakuna cha kuchapisha hapa.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="150" />
      <source>Starting the form…</source>
      <translation>Inaanzisha fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="216" />
      <source>Preparing the pages…</source>
      <translation>Inaandaa kurasa…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="256" />
      <source>{title} (blank)</source>
      <translation>{title} (tupu)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="307" />
      <source>Blank forms ({count})</source>
      <translation>Fomu tupu ({count})</translation>
    </message>
    <message>
      <location filename="../../ui/forms_gateway.py" line="318" />
      <source>Day list</source>
      <translation>Orodha ya siku</translation>
    </message>
    <message>
      <source>Appointments of {day}</source>
      <translation type="vanished">Miadi ya {day}</translation>
    </message>
    <message>
      <source>No appointments.</source>
      <translation type="vanished">Hakuna miadi.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation type="vanished">Mgonjwa</translation>
    </message>
    <message>
      <source>Preparing form {n} of {total}…</source>
      <translation type="vanished">Inaandaa fomu {n} kati ya {total}…</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation type="vanished">Mhudumu</translation>
    </message>
    <message>
      <source>Putting the pages together…</source>
      <translation type="vanished">Inaunganisha kurasa…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation type="vanished">Hali</translation>
    </message>
    <message>
      <source>Time</source>
      <translation type="vanished">Saa</translation>
    </message>
    <message>
      <source>Type</source>
      <translation type="vanished">Aina</translation>
    </message>
  </context>
  <context>
    <name>FormsPanel</name>
    <message>
      <location filename="../../ui/forms_admin.py" line="39" />
      <source>Form</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="40" />
      <source>Version</source>
      <translation>Toleo</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="41" />
      <source>Languages</source>
      <translation>Lugha</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="42" />
      <source>Title</source>
      <translation>Kichwa</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="43" />
      <source>Installed by</source>
      <translation>Imesakinishwa na</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="44" />
      <source>Installed on</source>
      <translation>Imesakinishwa tarehe</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="49" />
      <source>Installed forms</source>
      <translation>Fomu zilizosakinishwa</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="55" />
      <source>In&amp;stall a form…</source>
      <translation>S&amp;akinisha fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="57" />
      <source>The forms shipped with Outpost are always there. A clinic's own form or a translation is installed here from its file: it is checked and printed once first, and a published version never changes (install the next version).</source>
      <translation>Fomu zinazokuja na Outpost zipo kila wakati. Fomu ya kliniki yenyewe au tafsiri husakinishwa hapa kutoka kwenye faili lake: kwanza hukaguliwa na kuchapishwa mara moja, na toleo lililotolewa halibadiliki kamwe (sakinisha toleo linalofuata).</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="104" />
      <source>adds {language}</source>
      <translation>inaongeza {language}</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="109" />
      <source>{version} (the clinic's own)</source>
      <translation>{version} (ya kliniki yenyewe)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="132" />
      <source>Install a form</source>
      <translation>Sakinisha fomu</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="134" />
      <source>Form files (*.json)</source>
      <translation>Faili za fomu (*.json)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="134" />
      <source>All files (*)</source>
      <translation>Faili zote (*)</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="145" />
      <source>Checking the form…</source>
      <translation>Inakagua fomu…</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="155" />
      <source>{form} version {version} is already installed; nothing changed.</source>
      <translation>Toleo {version} la {form} tayari limesakinishwa; hakuna kilichobadilika.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="157" />
      <source>{form} version {version} is installed.</source>
      <translation>Toleo {version} la {form} limesakinishwa.</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="160" />
      <source>Forms</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="173" />
      <source>Replace Outpost's wording?</source>
      <translation>Badilisha maneno ya Outpost?</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="174" />
      <source>This file is a new version of a form shipped with Outpost. Installed, new forms of this kind print the clinic's wording instead of Outpost's, marked on every page as the clinic's own. Records already filled keep their version. Install it?</source>
      <translation>Faili hili ni toleo jipya la fomu inayokuja na Outpost. Likisakinishwa, fomu mpya za aina hii zitachapishwa kwa maneno ya kliniki badala ya yale ya Outpost, zikiwa na alama kwenye kila ukurasa kwamba ni za kliniki yenyewe. Fomu zilizokwisha kujazwa zinabaki na toleo lake. Ulisakinishe?</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="181" />
      <source>Install as the clinic's own</source>
      <translation>Sakinisha kama fomu ya kliniki yenyewe</translation>
    </message>
    <message>
      <location filename="../../ui/forms_admin.py" line="182" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
  </context>
  <context>
    <name>FormsSeam</name>
    <message>
      <source>Filling forms on screen is not installed in this version of Outpost yet.</source>
      <translation type="vanished">Kujaza fomu kwenye skrini bado hakujawekwa katika toleo hili la Outpost.</translation>
    </message>
    <message>
      <source>Forms</source>
      <translation type="vanished">Fomu</translation>
    </message>
    <message>
      <source>Print</source>
      <translation type="vanished">Chapisha</translation>
    </message>
    <message>
      <source>Printing is not installed in this version of Outpost yet.</source>
      <translation type="vanished">Kuchapisha bado hakujawekwa katika toleo hili la Outpost.</translation>
    </message>
  </context>
  <context>
    <name>GeneralSettings</name>
    <message>
      <location filename="../../ui/settings_view.py" line="125" />
      <source> min</source>
      <translation> dak.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="128" />
      <source>Make an automatic backup every &amp;day</source>
      <translation>Tengeneza nakala rudufu ya kiotomatiki kila &amp;siku</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="132" />
      <source>&amp;Save settings</source>
      <translation>&amp;Hifadhi mipangilio</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="135" />
      <source>This laptop</source>
      <translation>Kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="137" />
      <source>&amp;Language:</source>
      <translation>&amp;Lugha:</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="139" />
      <source>A new language takes effect the next time Outpost starts.</source>
      <translation>Lugha mpya itaanza kutumika Outpost itakapofunguliwa tena.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="141" />
      <source>Loc&amp;k after (no use):</source>
      <translation>&amp;Funga baada ya (bila kutumika):</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="145" />
      <source>My account</source>
      <translation>Akaunti yangu</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="149" />
      <source>Signed in as {who}.</source>
      <translation>Umeingia kama {who}.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="154" />
      <source>&amp;Change my password…</source>
      <translation>&amp;Badilisha nenosiri langu…</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="188" />
      <source>Saved.</source>
      <translation>Imehifadhiwa.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="192" />
      <source>Language</source>
      <translation>Lugha</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="193" />
      <source>The new language will be used the next time Outpost starts.</source>
      <translation>Lugha mpya itatumika Outpost itakapofunguliwa tena.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="197" />
      <source>Saving settings…</source>
      <translation>Inahifadhi mipangilio…</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="204" />
      <source>Change my password</source>
      <translation>Badilisha nenosiri langu</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="205" />
      <source>&amp;Current password:</source>
      <translation>Nenosiri la &amp;sasa:</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="208" />
      <source>&amp;New password:</source>
      <translation>Nenosiri ji&amp;pya:</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="210" />
      <source>At least {n} characters; a short sentence is easier to remember. Not the same as the user name.</source>
      <translation>Angalau herufi {n}; sentensi fupi ni rahisi kukumbuka. Lisifanane na jina la mtumiaji.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="215" />
      <source>C&amp;onfirm:</source>
      <translation>&amp;Thibitisha:</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="220" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Manenosiri mawili hayalingani: andika nenosiri lilelile mara mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="236" />
      <source>Password</source>
      <translation>Nenosiri</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="236" />
      <source>Your password has been changed.</source>
      <translation>Nenosiri lako limebadilishwa.</translation>
    </message>
    <message>
      <source>&amp;Lock after (no use):</source>
      <translation type="vanished">&amp;Funga baada ya (bila kutumika):</translation>
    </message>
    <message>
      <source>Signed in as {name} ({username}).</source>
      <translation type="vanished">Umeingia kama {name} ({username}).</translation>
    </message>
  </context>
  <context>
    <name>HitsModel</name>
    <message>
      <location filename="../../ui/live_search.py" line="112" />
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="113" />
      <source>Clinic no.</source>
      <translation>Namba ya usajili</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="114" />
      <source>Sex</source>
      <translation>Jinsia</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="115" />
      <source>Born</source>
      <translation>Alizaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="116" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="117" />
      <source>Village</source>
      <translation>Kijiji</translation>
    </message>
    <message>
      <location filename="../../ui/live_search.py" line="118" />
      <source>National ID</source>
      <translation>Kitambulisho cha taifa</translation>
    </message>
  </context>
  <context>
    <name>HqPanel</name>
    <message>
      <location filename="../../ui/sync_connect.py" line="50" />
      <source>The code HQ gave for this clinic</source>
      <translation>Msimbo ambao makao makuu yalitoa kwa kliniki hii</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="54" />
      <source>Connect &amp;to HQ</source>
      <translation>Unganisha na &amp;makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="63" />
      <source>Open the s&amp;ync page</source>
      <translation>Fungua ukurasa wa usa&amp;wazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="65" />
      <source>Connect to HQ</source>
      <translation>Unganisha na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="68" />
      <source>This clinic was set up on this laptop. To sync with HQ, ask HQ for an enrolment code for this clinic, then type HQ's address and the code here.</source>
      <translation>Kliniki hii iliwekwa kwenye kompyuta hii. Ili kusawazisha na makao makuu, omba makao makuu msimbo wa usajili wa kliniki hii, kisha andika hapa anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="78" />
      <source>&amp;Server address:</source>
      <translation>Anwani ya &amp;seva:</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="80" />
      <source>Enrolment &amp;code:</source>
      <translation>&amp;Msimbo wa usajili:</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="81" />
      <source>&amp;Laptop's name:</source>
      <translation>&amp;Jina la kompyuta:</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="88" />
      <source>HQ</source>
      <translation>Makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="119" />
      <source>Automatic sync</source>
      <translation>Usawazishaji wa kiotomatiki</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="121" />
      <source>&amp;Metered link: sync only when someone presses Sync now</source>
      <translation>Muunganisho wa &amp;data ya kulipia: sawazisha tu mtu anapobonyeza Sawazisha sasa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="127" />
      <source> minutes after the last sync</source>
      <translation> dakika baada ya usawazishaji wa mwisho</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="128" />
      <source>only at the set times</source>
      <translation>kwa saa zilizowekwa tu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="131" />
      <source>e.g. 07:30, 13:00</source>
      <translation>k.m. 07:30, 13:00</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="133" />
      <source>Sync &amp;when Outpost closes, if HQ answers (at most {n} seconds)</source>
      <translation>Sawazisha Outpost inapo&amp;fungwa, makao makuu yakijibu (kwa sekunde {n} zisizozidi)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="138" />
      <source>Sa&amp;ve the sync schedule</source>
      <translation>&amp;Hifadhi ratiba ya usawazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="144" />
      <source>When the link comes back after a failure, this laptop tries again on its own, waiting a little longer after each failed try. Times are the clinic's clock.</source>
      <translation>Muunganisho ukirudi baada ya kushindikana, kompyuta hii hujaribu tena yenyewe, ikisubiri muda mrefu kidogo zaidi baada ya kila jaribio lililoshindikana. Saa ni za saa ya kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="151" />
      <source>Sync &amp;every:</source>
      <translation>Saw&amp;azisha kila:</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="153" />
      <source>Also at these times (24-hou&amp;r clock):</source>
      <translation>&amp;Pia kwa saa hizi (saa 24):</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="196" />
      <source>Saved.</source>
      <translation>Imehifadhiwa.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="206" />
      <source>Saving settings…</source>
      <translation>Inahifadhi mipangilio…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="219" />
      <source>This laptop is joined to HQ at {url}.</source>
      <translation>Kompyuta hii imeunganishwa na makao makuu kwenye {url}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="221" />
      <source>HQ knows this clinic as {name}.</source>
      <translation>Makao makuu yanaijua kliniki hii kama {name}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="232" />
      <source>Accounts signed by: {fingerprint} (the same on every laptop of the clinic; a laptop set up from HQ shows it to compare).</source>
      <translation>Akaunti zimesainiwa na: {fingerprint} (ni sawa kwenye kila kompyuta ya kliniki; kompyuta iliyowekwa kutoka makao makuu huionyesha ili kulinganisha).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="237" />
      <source>Accounts signed by: not known yet (an administrator signs in once after the update).</source>
      <translation>Akaunti zimesainiwa na: bado haijulikani (msimamizi huingia mara moja baada ya usasishaji).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="252" />
      <source>HQ's address and the code are filled in from the QR code: press Connect.</source>
      <translation>Anwani ya makao makuu na msimbo vimejazwa kutoka kwenye msimbo wa QR: bonyeza Unganisha na makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="259" />
      <source>Type HQ's address (it starts with https://).</source>
      <translation>Andika anwani ya makao makuu (inaanza na https://).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="263" />
      <source>Type the enrolment code HQ gave for this clinic.</source>
      <translation>Andika msimbo wa usajili ambao makao makuu yalitoa kwa kliniki hii.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="277" />
      <source>Connected: this laptop now syncs with HQ.</source>
      <translation>Imeunganishwa: kompyuta hii sasa inasawazisha na makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="284" />
      <source>HQ could not be reached at this address. Check the address and the link, then try again.</source>
      <translation>Makao makuu hayakufikiwa kwenye anwani hii. Kagua anwani na muunganisho, kisha jaribu tena.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="292" />
      <source>Something unexpected went wrong; nothing was changed on this laptop. Try again, or tell whoever looks after this laptop.</source>
      <translation>Hitilafu isiyotarajiwa imetokea; hakuna kilichobadilishwa kwenye kompyuta hii. Jaribu tena, au mwambie anayeshughulikia kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_connect.py" line="299" />
      <location filename="../../ui/sync_connect.py" line="300" />
      <source>Connecting to HQ…</source>
      <translation>Inaunganisha na makao makuu…</translation>
    </message>
  </context>
  <context>
    <name>Icd10Field</name>
    <message>
      <location filename="../../ui/icd10_field.py" line="63" />
      <source>a code (J18.9, B5) or words (malaria)</source>
      <translation>msimbo (J18.9, B5) au maneno (malaria)</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="64" />
      <source>ICD-10 diagnosis</source>
      <translation>Utambuzi wa ICD-10</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="71" />
      <source>ICD-10 codes found</source>
      <translation>Misimbo ya ICD-10 iliyopatikana</translation>
    </message>
    <message>
      <location filename="../../ui/icd10_field.py" line="149" />
      <source>(choose a subcategory)</source>
      <translation>(chagua kundi dogo)</translation>
    </message>
  </context>
  <context>
    <name>IntegrityBanner</name>
    <message>
      <location filename="../../ui/integrity_banner.py" line="36" />
      <source>Open &amp;Backups</source>
      <translation>Fungua nakala &amp;rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/integrity_banner.py" line="40" />
      <source>The clinic's records are damaged</source>
      <translation>Kumbukumbu za kliniki zimeharibika</translation>
    </message>
    <message>
      <location filename="../../ui/integrity_banner.py" line="48" />
      <source>⚠ The clinic's records are damaged, so nothing more can be saved: everything saved so far is kept and can still be read. An administrator should run “outpost doctor”, then restore the most recent backup (Settings → Backups).</source>
      <translation>⚠ Kumbukumbu za kliniki zimeharibika, kwa hiyo hakuna kitu zaidi kinachoweza kuhifadhiwa: kila kilichohifadhiwa hadi sasa kimetunzwa na bado kinaweza kusomwa. Msimamizi anapaswa kuendesha “outpost doctor”, kisha arejeshe nakala rudufu ya karibuni zaidi (Mipangilio → Nakala rudufu).</translation>
    </message>
  </context>
  <context>
    <name>InvoiceScreen</name>
    <message>
      <location filename="../../ui/invoice_screen.py" line="174" />
      <source>Invoice</source>
      <translation>Ankara</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="178" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="189" />
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Code</source>
      <translation>Msimbo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="190" />
      <source>Description</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="191" />
      <source>Qty</source>
      <translation>Idadi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="192" />
      <source>Unit price</source>
      <translation>Bei ya kimoja</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="193" />
      <location filename="../../ui/invoice_screen.py" line="261" />
      <source>Amount</source>
      <translation>Kiasi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="197" />
      <source>Lines</source>
      <translation>Mistari</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="199" />
      <source>Add from the &amp;price list…</source>
      <translation>Ongeza kutoka orodha ya b&amp;ei…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="202" />
      <source>Add a free &amp;line…</source>
      <translation>Ongeza mstari &amp;huru…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="204" />
      <source>Change the &amp;quantity…</source>
      <translation>Badilisha &amp;idadi…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="206" />
      <source>Re&amp;move the line</source>
      <translation>Ondoa m&amp;stari</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="209" />
      <source>What is charged</source>
      <translation>Kinachotozwa</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Diagnosis</source>
      <translation>Utambuzi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="224" />
      <source>Primary</source>
      <translation>Mkuu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="226" />
      <source>Diagnoses</source>
      <translation>Utambuzi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="236" />
      <source>&amp;Add the diagnosis</source>
      <translation>&amp;Ongeza utambuzi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="239" />
      <source>Make p&amp;rimary</source>
      <translation>Fanya kuwa &amp;mkuu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="242" />
      <source>Remove the dia&amp;gnosis</source>
      <translation>Ondoa u&amp;tambuzi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="245" />
      <source>ICD-10 &amp;diagnosis:</source>
      <translation>&amp;Utambuzi wa ICD-10:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="246" />
      <source>Diagnoses (ICD-10)</source>
      <translation>Utambuzi (ICD-10)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="258" />
      <source>Receipt</source>
      <translation>Stakabadhi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="259" />
      <source>When</source>
      <translation>Lini</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="260" />
      <source>How</source>
      <translation>Njia</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="262" />
      <source>Reference</source>
      <translation>Kumbukumbu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="266" />
      <location filename="../../ui/invoice_screen.py" line="276" />
      <source>Payments</source>
      <translation>Malipo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="268" />
      <source>Take a pa&amp;yment…</source>
      <translation>Pokea ma&amp;lipo…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="271" />
      <source>Remove the payme&amp;nt…</source>
      <translation>Ondo&amp;a malipo…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Scheme</source>
      <translation>Mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Member no.</source>
      <translation>Namba ya uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Claimed</source>
      <translation>Kiasi kinachodaiwa</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="285" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="288" />
      <source>Claims</source>
      <translation>Madai</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="291" />
      <source>Make a &amp;claim…</source>
      <translation>Wasilisha &amp;dai…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="293" />
      <source>&amp;Open the claim</source>
      <translation>&amp;Fungua dai</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="295" />
      <source>Claims to schemes</source>
      <translation>Madai kwa mipango ya bima</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="304" />
      <source>&amp;Issue the invoice</source>
      <translation>Toa an&amp;kara</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="306" />
      <source>&amp;Void…</source>
      <translation>&amp;Batilisha…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="308" />
      <source>Prin&amp;t the receipt…</source>
      <translation>&amp;Chapisha stakabadhi…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="310" />
      <source>Clos&amp;e</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="398" />
      <source>draft</source>
      <translation>rasimu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="400" />
      <location filename="../../ui/invoice_screen.py" line="403" />
      <source>Invoice {number}: {patient}</source>
      <translation>Ankara {number}: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="406" />
      <source>issued {day}</source>
      <translation>imetolewa {day}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="408" />
      <source>started {day}</source>
      <translation>ilianzishwa {day}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="430" />
      <source>Nothing charged yet: add a line from the price list or a free line.</source>
      <translation>Bado hakuna kinachotozwa: ongeza mstari kutoka orodha ya bei au mstari huru.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="436" />
      <source>★ primary</source>
      <translation>★ mkuu</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="439" />
      <source>No diagnosis yet: search ICD-10 below by code or words.</source>
      <translation>Bado hakuna utambuzi: tafuta ICD-10 hapa chini kwa msimbo au maneno.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="456" />
      <source>No payment yet.</source>
      <translation>Bado hakuna malipo.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="467" />
      <source>(membership removed)</source>
      <translation>(uanachama umeondolewa)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="475" />
      <source>No claim for this invoice.</source>
      <translation>Hakuna dai la ankara hii.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="478" />
      <source>Total {total}   ·   Paid {paid}   ·   Still owed {owed}</source>
      <translation>Jumla {total}   ·   Imelipwa {paid}   ·   Bado inadaiwa {owed}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="483" />
      <source>Credit {credit} (to refund)</source>
      <translation>Ziada {credit} (ya kurudishwa)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="487" />
      <source>Void: {reason}</source>
      <translation>Imebatilishwa: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="539" />
      <source>A draft has no number yet: issue it first.</source>
      <translation>Rasimu bado haina namba: itoe kwanza.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="581" />
      <source>A line not on the price list</source>
      <translation>Mstari usio kwenye orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="581" />
      <source>Add the line</source>
      <translation>Ongeza mstari</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="582" />
      <source>&amp;Description:</source>
      <translation>&amp;Maelezo:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="583" />
      <location filename="../../ui/invoice_screen.py" line="615" />
      <source>&amp;Quantity:</source>
      <translation>&amp;Idadi:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="586" />
      <source>&amp;Unit price:</source>
      <translation>&amp;Bei ya kimoja:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="587" />
      <source>In {currency}, as you write it (1500 or 1,500.50).</source>
      <translation>Kwa {currency}, kama unavyoandika (1500 au 1,500.50).</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="613" />
      <source>Quantity of {what}</source>
      <translation>Idadi ya {what}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="613" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="630" />
      <source>Removing the line…</source>
      <translation>Inaondoa mstari…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="654" />
      <source>Adding the diagnosis…</source>
      <translation>Inaongeza utambuzi…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="665" />
      <source>Making it the primary diagnosis…</source>
      <translation>Inaufanya kuwa utambuzi mkuu…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="674" />
      <source>Removing the diagnosis…</source>
      <translation>Inaondoa utambuzi…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="681" />
      <source>Issuing the invoice…</source>
      <translation>Inatoa ankara…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="692" />
      <source>Payment on invoice {number}</source>
      <translation>Malipo ya ankara {number}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="693" />
      <source>Take the payment</source>
      <translation>Pokea malipo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="697" />
      <source>&amp;Amount received:</source>
      <translation>&amp;Kiasi kilichopokelewa:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="699" />
      <source>In {currency}. Still owed: {owed}.</source>
      <translation>Kwa {currency}. Bado kinadaiwa: {owed}.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="706" />
      <source>&amp;How:</source>
      <translation>&amp;Njia ya malipo:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="710" />
      <source>&amp;Reference:</source>
      <translation>Namba ya ku&amp;mbukumbu:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="711" />
      <source>A mobile-money code or a cheque number, if there is one.</source>
      <translation>Msimbo wa pesa kwa simu au namba ya hundi, ikiwa ipo.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="733" />
      <source>Remove the payment of {amount} (receipt {receipt})? Only for a payment taken in error or refunded: its receipt number is never given again.</source>
      <translation>Uondoe malipo ya {amount} (stakabadhi {receipt})? Ni kwa malipo yaliyoingizwa kimakosa au yaliyorudishwa tu: namba ya stakabadhi yake haitolewi tena kamwe.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="741" />
      <source>Removing the payment…</source>
      <translation>Inaondoa malipo…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="744" />
      <source>Remove a payment</source>
      <translation>Ondoa malipo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="752" />
      <source>Void invoice {number}</source>
      <translation>Batilisha ankara {number}</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="752" />
      <source>(draft)</source>
      <translation>(rasimu)</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="753" />
      <source>Void the invoice</source>
      <translation>Batilisha ankara</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="757" />
      <source>&amp;Why:</source>
      <translation>&amp;Kwa nini:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="758" />
      <source>It keeps its number; nothing is owed on it any more.</source>
      <translation>Inabaki na namba yake; hakuna kinachodaiwa juu yake tena.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="964" />
      <source>Starting an invoice…</source>
      <translation>Inaanzisha ankara…</translation>
    </message>
  </context>
  <context>
    <name>JoinPages</name>
    <message>
      <location filename="../../ui/setup_join.py" line="81" />
      <source>The enrolment code has now been used: ask HQ for a new one, then join again.</source>
      <translation>Msimbo wa usajili sasa umeshatumika: omba makao makuu msimbo mpya, kisha ujiunge tena.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="83" />
      <source>The enrolment code is now used up: HQ lists this laptop as device {name} ({id}), which never finished setting up. Ask HQ to revoke it and for a new code, then join again.</source>
      <translation>Msimbo wa usajili sasa umeshatumika: makao makuu yanaorodhesha kompyuta hii kama kifaa {name} ({id}), ambacho hakikumaliza kuwekwa. Omba makao makuu wakibatilishe na wakupe msimbo mpya, kisha ujiunge tena.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="92" />
      <source>Wrong user name or password, or that account is not one of this clinic's. Use the user name and password you sign in with on the clinic's other laptops. Nothing was set up on this laptop.</source>
      <translation>Jina la mtumiaji au nenosiri si sahihi, au akaunti hiyo si ya kliniki hii. Tumia jina la mtumiaji na nenosiri unalotumia kuingia kwenye kompyuta nyingine za kliniki. Hakuna kilichowekwa kwenye kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="106" />
      <source>The link to HQ dropped while the clinic's records were coming; nothing was set up on this laptop.</source>
      <translation>Muunganisho na makao makuu ulikatika kumbukumbu za kliniki zilipokuwa zikija; hakuna kilichowekwa kwenye kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="116" />
      <source>HQ could not be reached at {url} ({reason}). Check the address (HQ's console shows it beside the code) and this laptop's link, then press Join again: nothing was set up, and the code is still good.</source>
      <translation>Makao makuu hayakufikiwa kwenye {url} ({reason}). Kagua anwani (dashibodi ya makao makuu huionyesha kando ya msimbo) na muunganisho wa kompyuta hii, kisha bonyeza Jiunge tena: hakuna kilichowekwa, na msimbo bado unafaa.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="125" />
      <source>HQ did not accept this enrolment code: it is mistyped, already used, or expired. Check it against HQ's console; if it is right, ask HQ for a new code. Nothing was set up on this laptop.</source>
      <translation>Makao makuu hayakukubali msimbo huu wa usajili: umeandikwa vibaya, umeshatumika, au muda wake umeisha. Ulinganishe na dashibodi ya makao makuu; ukiwa sahihi, omba makao makuu msimbo mpya. Hakuna kilichowekwa kwenye kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="133" />
      <source>Type HQ's address as HQ gave it.</source>
      <translation>Andika anwani ya makao makuu kama makao makuu walivyoitoa.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="139" />
      <source>Something unexpected went wrong; nothing was set up on this laptop. Try again, or tell whoever looks after this laptop (the event is in the log).</source>
      <translation>Hitilafu isiyotarajiwa imetokea; hakuna kilichowekwa kwenye kompyuta hii. Jaribu tena, au mjulishe anayeshughulikia kompyuta hii (tukio limo kwenye kumbukumbu za mfumo).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="151" />
      <source>This laptop is enrolled at HQ (as {name}) and keeps it while this window is open: the code is not needed again.</source>
      <translation>Kompyuta hii imesajiliwa kwenye makao makuu (kama {name}) na itabaki hivyo dirisha hili likiwa wazi: msimbo hauhitajiki tena.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="157" />
      <source>Wrong user name or password, or that account is not one of this clinic's. Use the user name and password you sign in with on the clinic's other laptops, then press Join again.</source>
      <translation>Jina la mtumiaji au nenosiri si sahihi, au akaunti hiyo si ya kliniki hii. Tumia jina la mtumiaji na nenosiri unalotumia kuingia kwenye kompyuta nyingine za kliniki, kisha bonyeza Jiunge tena.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="170" />
      <source>The clinic's records did not all come from HQ ({why}). Press Join again when the link is back: what came is kept.</source>
      <translation>Kumbukumbu zote za kliniki hazikufika kutoka makao makuu ({why}). Bonyeza Jiunge tena muunganisho ukirudi: kilichofika kimebakizwa.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="202" />
      <source>Join an existing clinic</source>
      <translation>Jiunge na kliniki iliyopo</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="204" />
      <source>HQ's console shows its address and an enrolment code for the clinic (as text and as a QR code). Type them here, or paste the enrolment link. Then sign in with your own account of the clinic: its records come from HQ and this laptop opens signed in.</source>
      <translation>Dashibodi ya makao makuu huonyesha anwani yake na msimbo wa usajili wa kliniki (kama maandishi na kama msimbo wa QR). Viandike hapa, au bandika kiungo cha usajili. Kisha ingia kwa akaunti yako mwenyewe ya kliniki: kumbukumbu zake zinatoka makao makuu na kompyuta hii inafunguka ukiwa umeingia.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="217" />
      <source>Enrolment link</source>
      <translation>Kiungo cha usajili</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="226" />
      <source>e.g. ABCD-EFGH-JKLM-NPQR</source>
      <translation>k.m. ABCD-EFGH-JKLM-NPQR</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="229" />
      <source>as on the clinic's other laptops</source>
      <translation>kama kwenye kompyuta nyingine za kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="247" />
      <source>Enrolment &amp;link (optional):</source>
      <translation>K&amp;iungo cha usajili (si lazima):</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="249" />
      <source>HQ's &amp;address:</source>
      <translation>&amp;Anwani ya makao makuu:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="250" />
      <source>Enrolment &amp;code:</source>
      <translation>M&amp;simbo wa usajili:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="251" />
      <source>Your &amp;user name:</source>
      <translation>Jina lako la m&amp;tumiaji:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="252" />
      <source>Your &amp;password:</source>
      <translation>Nenosiri &amp;lako:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="253" />
      <source>This laptop's na&amp;me:</source>
      <translation>Jina la &amp;kompyuta hii:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="268" />
      <source>Setting up from HQ</source>
      <translation>Kuweka kutoka makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="322" />
      <source>HQ's address and the code are filled in from the link.</source>
      <translation>Anwani ya makao makuu na msimbo vimejazwa kutoka kwenye kiungo.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="334" />
      <source>HQ's address starts with https:// (as HQ's console shows it).</source>
      <translation>Anwani ya makao makuu huanza na https:// (kama dashibodi ya makao makuu inavyoionyesha).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="336" />
      <source>Type HQ's address (or paste the enrolment link above).</source>
      <translation>Andika anwani ya makao makuu (au bandika kiungo cha usajili hapo juu).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="337" />
      <source>Type the enrolment code HQ gave for this clinic.</source>
      <translation>Andika msimbo wa usajili ambao makao makuu yalitoa kwa kliniki hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="338" />
      <source>Type your user name, as you sign in on the clinic's laptops.</source>
      <translation>Andika jina lako la mtumiaji, kama unavyoingia kwenye kompyuta za kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="339" />
      <source>Type your password.</source>
      <translation>Andika nenosiri lako.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="340" />
      <source>This is required.</source>
      <translation>Hii inahitajika.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="387" />
      <source>The enrolment made with the earlier address or code was given up: HQ lists it as device {name} ({id}), for HQ to revoke.</source>
      <translation>Usajili uliofanywa kwa anwani au msimbo wa awali umeachwa: makao makuu yanauorodhesha kama kifaa {name} ({id}), ili makao makuu wakibatilishe.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="422" />
      <source>Checking your password…</source>
      <translation>Inakagua nenosiri lako…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="424" />
      <location filename="../../ui/setup_join.py" line="457" />
      <source>Reaching HQ…</source>
      <translation>Inafikia makao makuu…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="458" />
      <source>Receiving attachments…</source>
      <translation>Inapokea viambatisho…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="459" />
      <source>Getting ready…</source>
      <translation>Inajiandaa…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="460" />
      <source>Receiving the clinic's records…</source>
      <translation>Inapokea kumbukumbu za kliniki…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="461" />
      <source>Checking that this laptop holds every record HQ has…</source>
      <translation>Inakagua kwamba kompyuta hii ina kila kumbukumbu iliyo makao makuu…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="463" />
      <source>Setting up…</source>
      <translation>Inaweka…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="467" />
      <source>{done} of {total}</source>
      <translation>{done} kati ya {total}</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="469" />
      <source>{done} so far</source>
      <translation>{done} hadi sasa</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="481" />
      <source>This laptop is set up for {clinic}: {n} records came from HQ.</source>
      <translation>Kompyuta hii imewekwa kwa ajili ya {clinic}: kumbukumbu {n} zimetoka makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="488" />
      <source>not known yet</source>
      <translation>bado haijulikani</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="498" />
      <source>This laptop has joined the clinic</source>
      <translation>Kompyuta hii imejiunga na kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="504" />
      <location filename="../../ui/setup_join.py" line="521" />
      <source>Accounts signed by</source>
      <translation>Akaunti zimesainiwa na</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="506" />
      <source>Compare this with another laptop of the clinic (Settings → HQ there, or `outpost sync status`): the same letters mean the accounts on this laptop come from your clinic. If they differ, do not use this laptop; tell HQ.</source>
      <translation>Linganisha na kompyuta nyingine ya kliniki (Mipangilio → Makao makuu huko, au `outpost sync status`): herufi zilezile zinamaanisha kwamba akaunti kwenye kompyuta hii zinatoka kliniki yako. Zikitofautiana, usitumie kompyuta hii; wajulishe makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="525" />
      <source>This laptop's recovery key</source>
      <translation>Ufunguo wa kurejesha wa kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="527" />
      <source>If every password is forgotten, this key opens this laptop's copy of the records. It is shown now and never again: print it or write it down, and keep it apart from this laptop.</source>
      <translation>Manenosiri yote yakisahaulika, ufunguo huu hufungua nakala ya kumbukumbu iliyo kwenye kompyuta hii. Unaonyeshwa sasa tu na hautaonyeshwa tena: uchapishe au uuandike, na uuweke mbali na kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="543" />
      <source>Recovery key</source>
      <translation>Ufunguo wa kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="544" />
      <source>P&amp;rint the recovery key…</source>
      <translation>&amp;Chapisha ufunguo wa kurejesha…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_join.py" line="545" />
      <source>I have &amp;written down or printed the recovery key</source>
      <translation>Nime&amp;andika au nimechapisha ufunguo wa kurejesha</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Booked</source>
      <translation>Imepangwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="23" />
      <source>Arrived</source>
      <translation>Amefika</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>In consultation</source>
      <translation>Anahudumiwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="25" />
      <source>Completed</source>
      <translation>Imekamilika</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>No-show</source>
      <translation>Hakufika</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <source>Cancelled</source>
      <translation>Imeghairiwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <source>Moved</source>
      <translation>Imehamishwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="50" />
      <source>Late</source>
      <translation>Amechelewa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="57" />
      <source>{text} · walk-in</source>
      <translation>{text} · bila miadi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="62" />
      <source>Female</source>
      <translation>Mwanamke</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="63" />
      <source>Male</source>
      <translation>Mwanamume</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="64" />
      <source>Other</source>
      <translation>Nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="65" />
      <source>Not known</source>
      <translation>Haijulikani</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="74" />
      <source>Age not known</source>
      <translation>Umri haujulikani</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="80" />
      <source>Clinic no. {number}</source>
      <translation>Namba ya usajili {number}</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="85" />
      <source>Administrator</source>
      <translation>Msimamizi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="86" />
      <source>Coordinator</source>
      <translation>Mratibu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="87" />
      <source>Clinician</source>
      <translation>Mtabibu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="93" />
      <source>Draft</source>
      <translation>Rasimu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="94" />
      <source>Final</source>
      <translation>Ya mwisho</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="95" />
      <source>Signed</source>
      <translation>Imetiwa sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="102" />
      <source>Given name</source>
      <translation>Jina la kwanza</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="103" />
      <source>Family name</source>
      <translation>Jina la ukoo</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="104" />
      <source>Other names</source>
      <translation>Majina mengine</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="105" />
      <source>Sex</source>
      <translation>Jinsia</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="106" />
      <source>Date of birth</source>
      <translation>Tarehe ya kuzaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <source>Date of birth estimated</source>
      <translation>Tarehe ya kuzaliwa ni makadirio</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="108" />
      <source>Estimated age</source>
      <translation>Umri wa makadirio</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="109" />
      <location filename="../../ui/labels.py" line="110" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="111" />
      <source>Other phone</source>
      <translation>Simu nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="112" />
      <source>Village</source>
      <translation>Kijiji</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="113" />
      <source>Address</source>
      <translation>Anwani</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="114" />
      <source>National ID</source>
      <translation>Kitambulisho cha taifa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="115" />
      <source>Clinic number</source>
      <translation>Namba ya usajili</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="116" />
      <source>Next of kin</source>
      <translation>Ndugu wa karibu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="117" />
      <source>Relation</source>
      <translation>Uhusiano</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="118" />
      <source>Next of kin's phone</source>
      <translation>Simu ya ndugu wa karibu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="119" />
      <source>Preferred language</source>
      <translation>Lugha anayopendelea</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="120" />
      <source>Coverage scheme</source>
      <translation>Mpango wa bima</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="121" />
      <source>Member number</source>
      <translation>Namba ya uanachama</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="122" />
      <source>Notes</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="123" />
      <location filename="../../ui/labels.py" line="131" />
      <source>Removed</source>
      <translation>Imeondolewa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="129" />
      <source>Registered</source>
      <translation>Amesajiliwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="130" />
      <source>Changed</source>
      <translation>Imebadilishwa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="132" />
      <source>Opened the record</source>
      <translation>Alifungua rekodi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="139" />
      <source>similar name</source>
      <translation>jina linalofanana</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="140" />
      <source>same phone</source>
      <translation>simu ileile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="141" />
      <source>same date of birth and village</source>
      <translation>tarehe ya kuzaliwa na kijiji vilevile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="142" />
      <source>same date of birth</source>
      <translation>tarehe ya kuzaliwa ileile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="143" />
      <source>same village</source>
      <translation>kijiji kilekile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="144" />
      <source>same clinic number</source>
      <translation>namba ya usajili ileile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="145" />
      <source>same national ID</source>
      <translation>kitambulisho cha taifa kilekile</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="151" />
      <source>Monday</source>
      <translation>Jumatatu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="152" />
      <source>Tuesday</source>
      <translation>Jumanne</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="153" />
      <source>Wednesday</source>
      <translation>Jumatano</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="154" />
      <source>Thursday</source>
      <translation>Alhamisi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="155" />
      <source>Friday</source>
      <translation>Ijumaa</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="156" />
      <source>Saturday</source>
      <translation>Jumamosi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="157" />
      <source>Sunday</source>
      <translation>Jumapili</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="220" />
      <source>Kenya</source>
      <translation>Kenya</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="221" />
      <source>Uganda</source>
      <translation>Uganda</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="222" />
      <source>Tanzania</source>
      <translation>Tanzania</translation>
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
      <translation>Sudan Kusini</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="226" />
      <source>Ethiopia</source>
      <translation>Ethiopia</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="227" />
      <source>Somalia</source>
      <translation>Somalia</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="228" />
      <source>DR Congo</source>
      <translation>DR Kongo</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="229" />
      <source>Cameroon</source>
      <translation>Kamerun</translation>
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
      <translation>Senegali</translation>
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
      <translation>Guinea</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="238" />
      <source>Chad</source>
      <translation>Chadi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="239" />
      <source>Madagascar</source>
      <translation>Madagaska</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="240" />
      <source>Malawi</source>
      <translation>Malawi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="241" />
      <source>Mozambique</source>
      <translation>Msumbiji</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="242" />
      <source>Zambia</source>
      <translation>Zambia</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="243" />
      <source>Zimbabwe</source>
      <translation>Zimbabwe</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="244" />
      <source>Haiti</source>
      <translation>Haiti</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../ui/lock.py" line="56" />
      <source>Locked</source>
      <translation>Imefungwa</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="66" />
      <source>&amp;Unlock</source>
      <translation>&amp;Fungua</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="67" />
      <source>S&amp;witch user…</source>
      <translation>&amp;Badilisha mtumiaji…</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="70" />
      <source>Locked after a while without use. {who} is signed in: type your password to carry on where you left off.</source>
      <translation>Imefungwa baada ya muda bila kutumika. {who} ameingia: andika nenosiri lako kuendelea ulipoishia.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="75" />
      <source>Locked by {who}: type your password to carry on where you left off.</source>
      <translation>Imefungwa na {who}: andika nenosiri lako kuendelea ulipoishia.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="85" />
      <source>Outpost is locked</source>
      <translation>Outpost imefungwa</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="87" />
      <source>&amp;Password:</source>
      <translation>&amp;Nenosiri:</translation>
    </message>
    <message>
      <source>Locked after a while without use. {name} ({username}) is signed in: type your password to carry on where you left off.</source>
      <translation type="vanished">Imefungwa baada ya muda bila kutumika. {name} ({username}) ameingia: andika nenosiri lako kuendelea ulipoishia.</translation>
    </message>
    <message>
      <source>Outpost — locked</source>
      <translation type="vanished">Outpost — imefungwa</translation>
    </message>
  </context>
  <context>
    <name>LoginWindow</name>
    <message>
      <location filename="../../ui/login_window.py" line="48" />
      <source>Sign in</source>
      <translation>Ingia</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="60" />
      <source>Sign-in problem</source>
      <translation>Tatizo la kuingia</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="62" />
      <source>&amp;Sign in</source>
      <translation>&amp;Ingia</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="63" />
      <source>&amp;Forgotten password?</source>
      <translation>&amp;Umesahau nenosiri?</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="71" />
      <source>&amp;User name:</source>
      <translation>&amp;Jina la mtumiaji:</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="72" />
      <source>&amp;Password:</source>
      <translation>&amp;Nenosiri:</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="74" />
      <source>Outpost</source>
      <translation>Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="75" />
      <source>Clinic records in {folder}</source>
      <translation>Kumbukumbu za kliniki katika {folder}</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="167" />
      <source>Type your user name.</source>
      <translation>Andika jina lako la mtumiaji.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="171" />
      <source>Type your password.</source>
      <translation>Andika nenosiri lako.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="185" />
      <source>Opening the clinic's records…</source>
      <translation>Inafungua kumbukumbu za kliniki…</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="200" />
      <source>Wrong user name or password. Check the spelling (and Caps Lock), then try again.</source>
      <translation>Jina la mtumiaji au nenosiri si sahihi. Kagua tahajia (na Caps Lock), kisha ujaribu tena.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="223" />
      <source>The record of wrong sign-in attempts was missing or damaged, so signing in waits {seconds} s. Then try again.</source>
      <translation>Kumbukumbu ya majaribio ya kuingia yasiyo sahihi ilikosekana au imeharibika, kwa hiyo kuingia kunasubiri sekunde {seconds}. Kisha ujaribu tena.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="231" />
      <source>Too many wrong passwords for {user}. Wait {seconds} s, then try again. If the password is lost, an administrator can reset it, or use the recovery key.</source>
      <translation>Manenosiri mengi mno yasiyo sahihi kwa {user}. Subiri sekunde {seconds}, kisha ujaribu tena. Ikiwa nenosiri limepotea, msimamizi anaweza kuliweka upya, au tumia ufunguo wa kurejesha.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="242" />
      <source>You can try again now.</source>
      <translation>Unaweza kujaribu tena sasa.</translation>
    </message>
    <message>
      <location filename="../../ui/login_window.py" line="258" />
      <source>Password changed: sign in with the new password.</source>
      <translation>Nenosiri limebadilishwa: ingia kwa nenosiri jipya.</translation>
    </message>
    <message>
      <source>Outpost — sign in</source>
      <translation type="vanished">Outpost — ingia</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="136" />
      <source>Today</source>
      <translation>Leo</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="137" />
      <source>Patients</source>
      <translation>Wagonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <source>Calendar</source>
      <translation>Kalenda</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="139" />
      <source>Settings</source>
      <translation>Mipangilio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="140" />
      <source>Sync</source>
      <translation>Usawazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="141" />
      <source>Worklist</source>
      <translation>Orodha ya kazi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="146" />
      <source>Sections</source>
      <translation>Sehemu</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="275" />
      <source>{title} ({n})</source>
      <translation>{title} ({n})</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="277" />
      <source>Who to call today: {n} (Ctrl+6)</source>
      <translation>Wa kupigiwa simu leo: {n} (Ctrl+6)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="279" />
      <source>Who to call today: nobody (Ctrl+6)</source>
      <translation>Wa kupigiwa simu leo: hakuna (Ctrl+6)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="300" />
      <source>&amp;Outpost</source>
      <translation>&amp;Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="301" />
      <source>&amp;Lock now</source>
      <translation>&amp;Funga sasa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="303" />
      <source>&amp;Switch user…</source>
      <translation>&amp;Badilisha mtumiaji…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="306" />
      <source>S&amp;ync now</source>
      <translation>Sa&amp;wazisha sasa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="308" />
      <source>&amp;Quit</source>
      <translation>&amp;Ondoka</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="310" />
      <source>&amp;Go</source>
      <translation>&amp;Nenda</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="313" />
      <source>&amp;Today</source>
      <translation>&amp;Leo</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="314" />
      <source>&amp;Patients</source>
      <translation>&amp;Wagonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="315" />
      <source>&amp;Calendar</source>
      <translation>&amp;Kalenda</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="316" />
      <source>S&amp;ettings</source>
      <translation>&amp;Mipangilio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="317" />
      <source>S&amp;ync with HQ</source>
      <translation>Usa&amp;wazishaji na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="318" />
      <source>&amp;Worklist</source>
      <translation>&amp;Orodha ya kazi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="323" />
      <source>&amp;Patient</source>
      <translation>M&amp;gonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="324" />
      <source>&amp;Find a patient</source>
      <translation>&amp;Tafuta mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="325" />
      <source>&amp;New patient…</source>
      <translation>Mgonjwa m&amp;pya…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="326" />
      <source>&amp;Print…</source>
      <translation>&amp;Chapisha…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="331" />
      <source>Print &amp;blank forms…</source>
      <translation>Chapisha fomu t&amp;upu…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="336" />
      <source>&amp;Appointment</source>
      <translation>M&amp;iadi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="337" />
      <source>&amp;Check in</source>
      <translation>&amp;Sajili kufika</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="339" />
      <source>&amp;Walk-in…</source>
      <translation>&amp;Bila miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="340" />
      <source>&amp;Book an appointment…</source>
      <translation>&amp;Panga miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="341" />
      <source>&amp;Refresh</source>
      <translation>Onyesha &amp;upya</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="343" />
      <source>&amp;Help</source>
      <translation>M&amp;saada</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="344" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>Njia za &amp;mkato za kibodi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="349" />
      <source>Signed in: {name} ({role})</source>
      <translation>Ameingia: {name} ({role})</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="482" />
      <location filename="../../ui/main_window.py" line="495" />
      <source>Print</source>
      <translation>Chapisha</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="483" />
      <source>Open a patient's record or the day's list first, then print.</source>
      <translation>Fungua kwanza rekodi ya mgonjwa au orodha ya siku, kisha uchapishe.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="490" />
      <source>Find a patient</source>
      <translation>Tafuta mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="491" />
      <source>New patient</source>
      <translation>Mgonjwa mpya</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="492" />
      <source>Check in the selected appointment</source>
      <translation>Sajili kufika kwa miadi iliyochaguliwa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="493" />
      <source>Walk-in: a patient without an appointment</source>
      <translation>Bila miadi: mgonjwa asiye na miadi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="494" />
      <source>Book an appointment</source>
      <translation>Panga miadi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="496" />
      <source>Today, Patients, Calendar, Settings</source>
      <translation>Leo, Wagonjwa, Kalenda, Mipangilio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="497" />
      <source>Refresh</source>
      <translation>Onyesha upya</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="498" />
      <source>Lock now</source>
      <translation>Funga sasa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="499" />
      <source>Quit</source>
      <translation>Ondoka</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="500" />
      <source>Switch user</source>
      <translation>Badilisha mtumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="501" />
      <source>Sync with HQ</source>
      <translation>Usawazishaji na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="502" />
      <source>Sync now</source>
      <translation>Sawazisha sasa</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="503" />
      <source>Worklist: who to call today</source>
      <translation>Orodha ya kazi: wa kupigiwa simu leo</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="506" />
      <source>Keyboard shortcuts</source>
      <translation>Njia za mkato za kibodi</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="523" />
      <source>an open window</source>
      <translation>dirisha lililo wazi</translation>
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
      <translation>Inashughulikia…</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="248" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="255" />
      <source>Please wait</source>
      <translation>Tafadhali subiri</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="270" />
      <source>Stopping…</source>
      <translation>Inasimamisha…</translation>
    </message>
  </context>
  <context>
    <name>OutpostApp</name>
    <message>
      <location filename="../../ui/app.py" line="281" />
      <source>Making the daily backup… {percent} %</source>
      <translation>Inatengeneza nakala rudufu ya kila siku… {percent} %</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="300" />
      <source>⚠ The daily backup failed: see Settings → Backups.</source>
      <translation>⚠ Nakala rudufu ya kila siku imeshindikana: angalia Mipangilio → Nakala rudufu.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="316" />
      <source>⚠ The daily backup needs attention: see Settings → Backups.</source>
      <translation>⚠ Nakala rudufu ya kila siku inahitaji kushughulikiwa: angalia Mipangilio → Nakala rudufu.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="321" />
      <source>Daily backup made.</source>
      <translation>Nakala rudufu ya kila siku imetengenezwa.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="335" />
      <source>Unsaved changes</source>
      <translation>Mabadiliko hayajahifadhiwa</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="336" />
      <source>Not saved yet: {what}</source>
      <translation>Bado haijahifadhiwa: {what}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="338" />
      <source>Discard them and continue</source>
      <translation>Yaache na uendelee</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="339" />
      <source>Go back</source>
      <translation>Rudi</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="361" />
      <source>Switching user closes {name}'s session.</source>
      <translation>Kubadilisha mtumiaji kunafunga kipindi cha {name}.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="406" />
      <source>Quitting closes Outpost.</source>
      <translation>Kuondoka kunafunga Outpost.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="458" />
      <source>Making the closing backup…</source>
      <translation>Inatengeneza nakala rudufu ya kufunga…</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="460" />
      <source>Finish later</source>
      <translation>Maliza baadaye</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="515" />
      <source>The backup of {when} is back in place. Sign in to continue.</source>
      <translation>Nakala rudufu ya {when} imerejeshwa. Ingia ili kuendelea.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="519" />
      <source>The records it replaced are kept in {folder}.</source>
      <translation>Kumbukumbu zilizobadilishwa zimehifadhiwa katika {folder}.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="535" />
      <source>Restoring the backup…</source>
      <translation>Inarejesha nakala rudufu…</translation>
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../ui/patient_dialog.py" line="96" />
      <source>Register a new patient</source>
      <translation>Sajili mgonjwa mpya</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="98" />
      <source>Edit patient details</source>
      <translation>Hariri taarifa za mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="105" />
      <source>Identity</source>
      <translation>Utambulisho</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="107" />
      <source>&amp;Given name:</source>
      <translation>Jina la kwan&amp;za:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="108" />
      <source>&amp;Other names:</source>
      <translation>&amp;Majina mengine:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="109" />
      <source>&amp;Family name:</source>
      <translation>Jina la &amp;ukoo:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="114" />
      <source>Se&amp;x:</source>
      <translation>&amp;Jinsia:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="116" />
      <source>National &amp;ID:</source>
      <translation>Kitam&amp;bulisho cha taifa:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="117" />
      <source>Clinic &amp;number:</source>
      <translation>&amp;Namba ya usajili:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="119" />
      <source>given at registration</source>
      <translation>hutolewa wakati wa usajili</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="121" />
      <source>Contact and next of kin</source>
      <translation>Mawasiliano na ndugu wa karibu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="123" />
      <source>&amp;Phone:</source>
      <translation>&amp;Simu:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="123" />
      <source>e.g. 0712 345 678</source>
      <translation>k.m. 0712 345 678</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="124" />
      <source>Other p&amp;hone:</source>
      <translation>Simu n&amp;yingine:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="125" />
      <source>&amp;Village:</source>
      <translation>&amp;Kijiji:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="126" />
      <source>&amp;Address:</source>
      <translation>&amp;Anwani:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="127" />
      <source>Next of &amp;kin:</source>
      <translation>Ndugu wa ka&amp;ribu:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="128" />
      <source>&amp;Relation:</source>
      <translation>Uhusian&amp;o:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="129" />
      <source>Next of kin's pho&amp;ne:</source>
      <translation>Simu ya n&amp;dugu:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="131" />
      <source>Language, coverage and notes</source>
      <translation>Lugha, bima na maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="133" />
      <source>Preferred lan&amp;guage:</source>
      <translation>&amp;Lugha anayopendelea:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="134" />
      <source>Coverage &amp;scheme:</source>
      <translation>M&amp;pango wa bima:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="135" />
      <source>&amp;Member number:</source>
      <translation>Namba ya uana&amp;chama:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="136" />
      <source>No&amp;tes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="164" />
      <source>&amp;Register</source>
      <translation>Saj&amp;ili</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="164" />
      <source>&amp;Save</source>
      <translation>Hi&amp;fadhi</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="169" />
      <location filename="../../ui/patient_dialog.py" line="170" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="175" />
      <source>* required. Give the date of birth, or the approximate age if the date is not known; choose “Age not known” only when neither is known.</source>
      <translation>* inahitajika. Andika tarehe ya kuzaliwa, au umri wa takriban ikiwa tarehe haijulikani; chagua “Umri haujulikani” pale tu ambapo hakuna kimoja kinachojulikana.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="240" />
      <source>Date of birth *</source>
      <translation>Tarehe ya kuzaliwa *</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="242" />
      <source>&amp;Date known</source>
      <translation>&amp;Tarehe inajulikana</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="243" />
      <source>Only the approximate &amp;age is known</source>
      <translation>Umri &amp;wa takriban tu ndio unajulikana</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="244" />
      <source>Age not kno&amp;wn</source>
      <translation>Umri &amp;haujulikani</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="258" />
      <source>YYYY-MM-DD or DD/MM/YYYY</source>
      <translation>YYYY-MM-DD au DD/MM/YYYY</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="259" />
      <source>Date of birth</source>
      <translation>Tarehe ya kuzaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="263" />
      <source>years, e.g. 45</source>
      <translation>miaka, k.m. 45</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="264" />
      <source>Estimated age in years</source>
      <translation>Umri wa makadirio kwa miaka</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="265" />
      <source>Neither the date of birth nor the age is known.</source>
      <translation>Tarehe ya kuzaliwa wala umri havijulikani.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="468" />
      <source>Saving…</source>
      <translation>Inahifadhi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="525" />
      <source>Discard changes?</source>
      <translation>Uache mabadiliko?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="526" />
      <source>What you typed has not been saved. Close anyway?</source>
      <translation>Ulichoandika hakijahifadhiwa. Ufunge hata hivyo?</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="528" />
      <source>Discard</source>
      <translation>Acha</translation>
    </message>
    <message>
      <location filename="../../ui/patient_dialog.py" line="529" />
      <source>Keep editing</source>
      <translation>Endelea kuhariri</translation>
    </message>
    <message>
      <source>* required. Give the date of birth, or the approximate age if the date is not known.</source>
      <translation type="vanished">* inahitajika. Andika tarehe ya kuzaliwa, au umri wa takriban ikiwa tarehe haijulikani.</translation>
    </message>
  </context>
  <context>
    <name>PatientRecord</name>
    <message>
      <location filename="../../ui/patient_record.py" line="118" />
      <source>◀ &amp;Back to the search</source>
      <translation>◀ &amp;Rudi kwenye utafutaji</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="120" />
      <source>Back to the search (Esc)</source>
      <translation>Rudi kwenye utafutaji (Esc)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="130" />
      <source>&amp;Edit details…</source>
      <translation>&amp;Hariri taarifa…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="132" />
      <source>&amp;Book appointment…</source>
      <translation>&amp;Panga miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="134" />
      <source>Book an appointment (Ctrl+B)</source>
      <translation>Panga miadi (Ctrl+B)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="136" />
      <source>New &amp;form…</source>
      <translation>&amp;Fomu mpya…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="138" />
      <source>&amp;Print…</source>
      <translation>&amp;Chapisha…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="138" />
      <source>Print (Ctrl+P)</source>
      <translation>Chapisha (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="140" />
      <source>Order a res&amp;ult…</source>
      <translation>Ag&amp;iza kipimo…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="142" />
      <source>&amp;Refer…</source>
      <translation>Mp&amp;e rufaa…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="155" />
      <source>&amp;Details</source>
      <translation>&amp;Taarifa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="158" />
      <source>Appointments</source>
      <translation>Miadi</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="160" />
      <location filename="../../ui/patient_record.py" line="210" />
      <source>When</source>
      <translation>Lini</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="161" />
      <source>Provider</source>
      <translation>Mhudumu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="162" />
      <source>Type</source>
      <translation>Aina</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="163" />
      <location filename="../../ui/patient_record.py" line="186" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="164" />
      <source>Reason</source>
      <translation>Sababu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="168" />
      <source>Book &amp;follow-up…</source>
      <translation>Miadi ya &amp;ufuatiliaji…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="169" />
      <source>&amp;Move…</source>
      <translation>Ha&amp;misha…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="170" />
      <source>&amp;Cancel appointment…</source>
      <translation>&amp;Ghairi miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="171" />
      <source>Print &amp;slip…</source>
      <translation>Chapisha &amp;kadi ya miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="179" />
      <source>&amp;Appointments</source>
      <translation>Mia&amp;di</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="182" />
      <source>Forms</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="184" />
      <source>Form</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="185" />
      <source>Version</source>
      <translation>Toleo</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="187" />
      <source>Started</source>
      <translation>Ilianzishwa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="188" />
      <source>Signed</source>
      <translation>Imetiwa sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="192" />
      <source>&amp;Open form</source>
      <translation>Fu&amp;ngua fomu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="193" />
      <source>Print this for&amp;m…</source>
      <translation>Chapisha fo&amp;mu hii…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="200" />
      <source>F&amp;orms</source>
      <translation>F&amp;omu</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="209" />
      <source>History of changes</source>
      <translation>Historia ya mabadiliko</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>Who</source>
      <translation>Nani</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>What</source>
      <translation>Nini</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="210" />
      <source>Fields</source>
      <translation>Vipengele</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="213" />
      <source>Include when the record was &amp;opened</source>
      <translation>Onyesha pia rekodi ilipofunguli&amp;wa</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="219" />
      <source>&amp;History</source>
      <translation>Hi&amp;storia</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="249" />
      <location filename="../../ui/patient_record.py" line="262" />
      <source>Opening the record…</source>
      <translation>Inafungua rekodi…</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="334" />
      <source>This patient's record was removed.</source>
      <translation>Rekodi ya mgonjwa huyu imeondolewa.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="351" />
      <source>Sex not known</source>
      <translation>Jinsia haijulikani</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="355" />
      <source>National ID {number}</source>
      <translation>Kitambulisho cha taifa {number}</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="422" />
      <source>Booked for {time}; not arrived yet</source>
      <translation>Miadi ya saa {time}; bado hajafika</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="443" />
      <source>No forms yet for this patient.</source>
      <translation>Bado hakuna fomu za mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/patient_record.py" line="551" />
      <source>Cancel the appointment of {when} with {provider}?</source>
      <translation>Ughairi miadi ya {when} na {provider}?</translation>
    </message>
    <message>
      <source>Cancel appointment</source>
      <translation type="vanished">Ghairi miadi</translation>
    </message>
    <message>
      <source>Cancel the appointment</source>
      <translation type="vanished">Ghairi miadi</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="vanished">Inaghairi…</translation>
    </message>
    <message>
      <source>Clinic no. {number}</source>
      <translation type="vanished">Namba ya usajili {number}</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation type="vanished">Usighairi</translation>
    </message>
    <message>
      <source>Print &amp;this form…</source>
      <translation type="vanished">Chapisha fomu h&amp;ii…</translation>
    </message>
    <message>
      <source>{status} · walk-in</source>
      <translation type="vanished">{status} · bila miadi</translation>
    </message>
  </context>
  <context>
    <name>PatientsView</name>
    <message>
      <location filename="../../ui/patients_view.py" line="59" />
      <source>Name, phone, ID, clinic number or date of birth (e.g. 1984-03-21)</source>
      <translation>Jina, simu, kitambulisho, namba ya usajili au tarehe ya kuzaliwa (k.m. 1984-03-21)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="72" />
      <source>Patients found</source>
      <translation>Wagonjwa waliopatikana</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="81" />
      <location filename="../../ui/patients_view.py" line="199" />
      <source>Type a name, a phone number, an ID or a date of birth.</source>
      <translation>Andika jina, namba ya simu, namba ya kitambulisho au tarehe ya kuzaliwa.</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="86" />
      <source>&amp;New patient…</source>
      <translation>Mgonjwa m&amp;pya…</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="88" />
      <source>Register a new patient (Ctrl+N)</source>
      <translation>Sajili mgonjwa mpya (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="92" />
      <source>&amp;Open record</source>
      <translation>&amp;Fungua rekodi</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="94" />
      <source>Open the selected patient (Enter)</source>
      <translation>Fungua rekodi ya mgonjwa aliyechaguliwa (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="100" />
      <source>Patients</source>
      <translation>Wagonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="101" />
      <source>&amp;Find a patient:</source>
      <translation>&amp;Tafuta mgonjwa:</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="202" />
      <source>No patient found for “{query}”. Check the spelling, or register a new patient (Ctrl+N).</source>
      <translation>Hakuna mgonjwa aliyepatikana kwa “{query}”. Kagua tahajia, au sajili mgonjwa mpya (Ctrl+N).</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="209" />
      <source>Patients found: {count}. Press Enter to open the first, or Down to choose.</source>
      <translation>Wagonjwa waliopatikana: {count}. Bonyeza Enter kufungua wa kwanza, au kishale cha Chini kuchagua.</translation>
    </message>
    <message>
      <location filename="../../ui/patients_view.py" line="224" />
      <source>The search failed unexpectedly.</source>
      <translation>Utafutaji umeshindikana bila kutarajiwa.</translation>
    </message>
    <message>
      <source>Name, phone, ID or date of birth (e.g. 1984-03-21)</source>
      <translation type="vanished">Jina, simu, namba ya kitambulisho au tarehe ya kuzaliwa (k.m. 1984-03-21)</translation>
    </message>
  </context>
  <context>
    <name>PriceListPanel</name>
    <message>
      <location filename="../../ui/price_list_admin.py" line="79" />
      <source>Save the currenc&amp;y</source>
      <translation>&amp;Hifadhi sarafu</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="81" />
      <source>Money</source>
      <translation>Fedha</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="87" />
      <source>Curr&amp;ency:</source>
      <translation>Sara&amp;fu:</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="95" />
      <source>Code</source>
      <translation>Msimbo</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="96" />
      <source>Item</source>
      <translation>Kipengele</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="97" />
      <source>Category</source>
      <translation>Kundi</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="98" />
      <source>Price</source>
      <translation>Bei</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="99" />
      <source>On the list</source>
      <translation>Kwenye orodha</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="103" />
      <location filename="../../ui/price_list_admin.py" line="115" />
      <source>Price list</source>
      <translation>Orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="106" />
      <source>Sho&amp;w items taken off the list</source>
      <translation>Onyesha vipengele vi&amp;livyoondolewa kwenye orodha</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="109" />
      <source>Add an i&amp;tem…</source>
      <translation>Ongeza ki&amp;pengele…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="111" />
      <source>&amp;Change…</source>
      <translation>Ba&amp;dilisha…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="113" />
      <location filename="../../ui/price_list_admin.py" line="234" />
      <source>Ta&amp;ke off the list</source>
      <translation>Ondoa kwenye o&amp;rodha</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="118" />
      <source>What the clinic charges. An invoice copies an item's price when the line is added: a new price applies to new lines only.</source>
      <translation>Kile ambacho kliniki hutoza. Ankara hunakili bei ya kipengele mstari unapoongezwa: bei mpya inatumika kwa mistari mipya tu.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="191" />
      <source>yes</source>
      <translation>ndiyo</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="191" />
      <source>no: taken off</source>
      <translation>hapana: kimeondolewa</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="196" />
      <source>No item yet: add what the clinic charges with Add an item…</source>
      <translation>Bado hakuna kipengele: ongeza kile ambacho kliniki hutoza kwa Ongeza kipengele…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="198" />
      <source>Choose the clinic's currency first: prices are in it.</source>
      <translation>Chagua kwanza sarafu ya kliniki: bei ziko kwa sarafu hiyo.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="212" />
      <source>Bills are in {name}. It stays so once the price list or an invoice holds amounts in it.</source>
      <translation>Ankara ziko kwa {name}. Inabaki hivyo mara orodha ya bei au ankara inapokuwa na viasi kwa sarafu hiyo.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="219" />
      <source>Not set yet: choose it before the first price or invoice.</source>
      <translation>Bado haijawekwa: ichague kabla ya bei ya kwanza au ankara ya kwanza.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="232" />
      <source>Put bac&amp;k on the list</source>
      <translation>Rudisha kwenye o&amp;rodha</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="265" />
      <source>Saving the currency…</source>
      <translation>Inahifadhi sarafu…</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="272" />
      <source>&amp;Code:</source>
      <translation>&amp;Msimbo:</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="274" />
      <source>Short, as it is said at the desk: CONS, RDT, FBC.</source>
      <translation>Mfupi, kama unavyotamkwa mapokezi: CONS, RDT, FBC.</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="276" />
      <source>&amp;Name:</source>
      <translation>&amp;Jina:</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="279" />
      <source>C&amp;ategory:</source>
      <translation>&amp;Kundi:</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="281" />
      <source>e.g. consultation, laboratory, pharmacy (may be left empty).</source>
      <translation>k.m. kumwona daktari, maabara, famasia (inaweza kuachwa wazi).</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="285" />
      <source>&amp;Price:</source>
      <translation>&amp;Bei:</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="287" />
      <source>In {currency}, as you write it (1500 or 1,500.50).</source>
      <translation>Kwa {currency}, kama unavyoandika (1500 au 1,500.50).</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="296" />
      <source>New price list item</source>
      <translation>Kipengele kipya cha orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="296" />
      <source>Add to the price list</source>
      <translation>Ongeza kwenye orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="318" />
      <source>Change {name}</source>
      <translation>Badilisha {name}</translation>
    </message>
    <message>
      <location filename="../../ui/price_list_admin.py" line="318" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
  </context>
  <context>
    <name>PricePicker</name>
    <message>
      <location filename="../../ui/invoice_screen.py" line="825" />
      <source>Add from the price list</source>
      <translation>Ongeza kutoka orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="829" />
      <source>code, name or category</source>
      <translation>msimbo, jina au kundi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Code</source>
      <translation>Msimbo</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Item</source>
      <translation>Kipengele</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Category</source>
      <translation>Kundi</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="835" />
      <source>Price</source>
      <translation>Bei</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="838" />
      <source>Price list</source>
      <translation>Orodha ya bei</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="848" />
      <source>Add to the invoice</source>
      <translation>Ongeza kwenye ankara</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="852" />
      <source>&amp;Find:</source>
      <translation>&amp;Tafuta:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="856" />
      <source>&amp;Quantity:</source>
      <translation>&amp;Idadi:</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="885" />
      <source>Nothing on the price list matches.</source>
      <translation>Hakuna kinacholingana kwenye orodha ya bei.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="887" />
      <source>The price list is empty: an administrator fills it in Settings → Billing.</source>
      <translation>Orodha ya bei ni tupu: msimamizi huijaza katika Mipangilio → Ankara na malipo.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="894" />
      <source>Loading the price list…</source>
      <translation>Inapakia orodha ya bei…</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="918" />
      <source>Choose an item of the price list.</source>
      <translation>Chagua kipengele cha orodha ya bei.</translation>
    </message>
    <message>
      <location filename="../../ui/invoice_screen.py" line="938" />
      <source>Adding the line…</source>
      <translation>Inaongeza mstari…</translation>
    </message>
  </context>
  <context>
    <name>PrintPreview</name>
    <message>
      <location filename="../../ui/print_preview.py" line="78" />
      <source>This installation of Outpost cannot show PDFs (pypdfium2 is missing).</source>
      <translation>Usakinishaji huu wa Outpost hauwezi kuonyesha PDF (pypdfium2 haipo).</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="130" />
      <location filename="../../ui/print_preview.py" line="586" />
      <location filename="../../ui/print_preview.py" line="590" />
      <source>The printer could not be started.</source>
      <translation>Printa haikuweza kuanzishwa.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="139" />
      <source>Printing page {page} of {pages}…</source>
      <translation>Inachapisha ukurasa {page} kati ya {pages}…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="161" />
      <source>Page {page}</source>
      <translation>Ukurasa {page}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="214" />
      <source>Print preview — {title}</source>
      <translation>Onyesho la kuchapisha — {title}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="235" />
      <source>Previous page</source>
      <translation>Ukurasa uliotangulia</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="236" />
      <source>Previous page (Page Up)</source>
      <translation>Ukurasa uliotangulia (Page Up)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="240" />
      <source>Next page</source>
      <translation>Ukurasa unaofuata</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="241" />
      <source>Next page (Page Down)</source>
      <translation>Ukurasa unaofuata (Page Down)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="244" />
      <source>Page number</source>
      <translation>Namba ya ukurasa</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="249" />
      <source>Zoom</source>
      <translation>Kuza</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="250" />
      <source>Fit width</source>
      <translation>Jaza upana</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="251" />
      <source>Whole page</source>
      <translation>Ukurasa mzima</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="256" />
      <source>Paper size</source>
      <translation>Ukubwa wa karatasi</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="262" />
      <source>Language</source>
      <translation>Lugha</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="271" />
      <source>Page</source>
      <translation>Ukurasa</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="278" />
      <source>&amp;Zoom:</source>
      <translation>&amp;Kuza:</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="283" />
      <source>P&amp;aper:</source>
      <translation>K&amp;aratasi:</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="287" />
      <source>&amp;Language:</source>
      <translation>&amp;Lugha:</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="303" />
      <source>Pages</source>
      <translation>Kurasa</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="310" />
      <source>&amp;Print…</source>
      <translation>&amp;Chapisha…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="313" />
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Hifadhi kama PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="315" />
      <location filename="../../ui/print_preview.py" line="599" />
      <source>Close</source>
      <translation>Funga</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="356" />
      <location filename="../../ui/print_preview.py" line="374" />
      <source>Preparing the pages…</source>
      <translation>Inaandaa kurasa…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="370" />
      <source>The pages could not be prepared.</source>
      <translation>Kurasa hazikuweza kuandaliwa.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="398" />
      <source>of {pages}</source>
      <translation>kati ya {pages}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="399" />
      <source>Pages: {count}</source>
      <translation>Kurasa: {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="540" />
      <location filename="../../ui/print_preview.py" line="589" />
      <source>Print</source>
      <translation>Chapisha</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="558" />
      <location filename="../../ui/print_preview.py" line="577" />
      <source>Printing…</source>
      <translation>Inachapisha…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="564" />
      <source>Pages sent to the printer: {count}</source>
      <translation>Kurasa zilizotumwa kwa printa: {count}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="592" />
      <source>Check that a printer is set up on this laptop, connected and switched on, then try again. Or save the pages as a PDF, to print them later or from another computer.</source>
      <translation>Hakikisha kuna printa iliyowekwa kwenye kompyuta hii, imeunganishwa na imewashwa, kisha ujaribu tena. Au hifadhi kurasa kama PDF, ili uzichapishe baadaye au kutoka kompyuta nyingine.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="598" />
      <source>Save as PDF…</source>
      <translation>Hifadhi kama PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="619" />
      <location filename="../../ui/print_preview.py" line="637" />
      <source>Save as PDF</source>
      <translation>Hifadhi kama PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="620" />
      <source>The PDF file is not encrypted.</source>
      <translation>Faili la PDF halijasimbwa.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="622" />
      <source>Anyone who opens the file can read the patient's information in it. Save it only where it must go, and delete it once it is no longer needed.</source>
      <translation>Yeyote atakayefungua faili hili anaweza kusoma taarifa za mgonjwa zilizomo. Lihifadhi tu mahali linapohitajika, na ulifute mara tu lisipohitajika tena.</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="627" />
      <source>Save the PDF</source>
      <translation>Hifadhi PDF</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="628" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="639" />
      <source>PDF files (*.pdf)</source>
      <translation>Faili za PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="664" />
      <source>Saved as {path}</source>
      <translation>Imehifadhiwa kama {path}</translation>
    </message>
    <message>
      <location filename="../../ui/print_preview.py" line="671" />
      <source>Saving the PDF…</source>
      <translation>Inahifadhi PDF…</translation>
    </message>
  </context>
  <context>
    <name>QrScan</name>
    <message>
      <location filename="../../ui/qr_scan.py" line="154" />
      <location filename="../../ui/qr_scan.py" line="309" />
      <source>Camera</source>
      <translation>Kamera</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="238" />
      <source>Outpost is not allowed to use the camera. Allow it in the system's privacy settings, or press Cancel and type HQ's address and the code.</source>
      <translation>Outpost hairuhusiwi kutumia kamera. Iruhusu kwenye mipangilio ya faragha ya mfumo, au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="253" />
      <source>The camera could not be used ({reason}). Check that no other program is using it, or press Cancel and type HQ's address and the code.</source>
      <translation>Kamera haikuweza kutumika ({reason}). Hakikisha hakuna programu nyingine inayoitumia, au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="256" />
      <source>no reason given</source>
      <translation>hakuna sababu iliyotolewa</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="291" />
      <source>Scan the code on HQ's screen</source>
      <translation>Skani msimbo ulio kwenye skrini ya makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="301" />
      <source>Hold the QR code that HQ's console shows for this clinic in front of this laptop's camera. HQ's address and the code are filled in as soon as it is read.</source>
      <translation>Shikilia msimbo wa QR ambao dashibodi ya makao makuu inaonyesha kwa kliniki hii mbele ya kamera ya kompyuta hii. Anwani ya makao makuu na msimbo vitajazwa mara tu utakaposomwa.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="315" />
      <location filename="../../ui/qr_scan.py" line="370" />
      <source>Starting the camera…</source>
      <translation>Inawasha kamera…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="361" />
      <source>No camera is connected. Press Cancel and type HQ's address and the code.</source>
      <translation>Hakuna kamera iliyounganishwa. Bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="379" />
      <source>Looking for the QR code…</source>
      <translation>Inatafuta msimbo wa QR…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="402" />
      <source>This QR code is an enrolment link this Outpost cannot use. {why} HQ's console also shows the address and the code as text: press Cancel to type them.</source>
      <translation>Msimbo huu wa QR ni kiungo cha usajili ambacho Outpost hii haiwezi kutumia. {why} Dashibodi ya makao makuu pia huonyesha anwani na msimbo kama maandishi: bonyeza Ghairi ili uviandike.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="408" />
      <source>This QR code is not an Outpost enrolment link. Show the QR code from HQ's console (Enrolment, for this clinic), or press Cancel and type HQ's address and the code.</source>
      <translation>Msimbo huu wa QR si kiungo cha usajili cha Outpost. Onyesha msimbo wa QR kutoka dashibodi ya makao makuu (sehemu ya Enrolment, kwa kliniki hii), au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="416" />
      <source>Read: HQ's address and the code are filled in.</source>
      <translation>Umesomwa: anwani ya makao makuu na msimbo vimejazwa.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="434" />
      <source>No picture comes from the camera. Check that no other program is using it, or press Cancel and type HQ's address and the code.</source>
      <translation>Hakuna picha inayotoka kwenye kamera. Hakikisha hakuna programu nyingine inayoitumia, au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="441" />
      <source>No QR code read yet. Hold it steady, a little closer and out of glare, or press Cancel and type HQ's address and the code.</source>
      <translation>Bado hakuna msimbo wa QR uliosomwa. Ushikilie bila kutikisika, karibu kidogo zaidi na mbali na mng’ao, au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="478" />
      <source>Scan QR co&amp;de…</source>
      <translation>Skani msimbo wa &amp;QR…</translation>
    </message>
    <message>
      <location filename="../../ui/qr_scan.py" line="480" />
      <source>Read HQ's address and the code from the QR code on HQ's screen</source>
      <translation>Soma anwani ya makao makuu na msimbo kutoka kwenye msimbo wa QR ulio kwenye skrini ya makao makuu</translation>
    </message>
    <message>
      <source>This QR code is not an Outpost enrolment link: {why} Show the QR code from HQ's console (Enrolment), or press Cancel and type HQ's address and the code.</source>
      <translation type="vanished">Msimbo huu wa QR si kiungo cha usajili cha Outpost: {why} Onyesha msimbo wa QR kutoka dashibodi ya makao makuu (sehemu ya Enrolment), au bonyeza Ghairi na uandike anwani ya makao makuu na msimbo.</translation>
    </message>
  </context>
  <context>
    <name>RecordSummary</name>
    <message>
      <location filename="../../ui/record_summary.py" line="87" />
      <source>No appointment booked</source>
      <translation>Hakuna miadi iliyopangwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="89" />
      <source>{date} {time}</source>
      <translation>{date} saa {time}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="93" />
      <source>today {time}</source>
      <translation>leo saa {time}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="94" />
      <source>Next appointment: {when}, {provider}</source>
      <translation>Miadi ijayo: {when}, {provider}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="98" />
      <source>{text} (⚠ late)</source>
      <translation>{text} (⚠ imechelewa)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="103" />
      <source>1 open referral</source>
      <translation>Rufaa 1 iliyo wazi</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="105" />
      <source>{n} open referrals</source>
      <translation>Rufaa {n} zilizo wazi</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="108" />
      <source>{text} ({n} overdue)</source>
      <translation>{text} ({n} zimechelewa)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="113" />
      <source>No open referral</source>
      <translation>Hakuna rufaa iliyo wazi</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="117" />
      <source>1 result to relay</source>
      <translation>Majibu 1 ya kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="119" />
      <source>{n} results to relay</source>
      <translation>Majibu {n} ya kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="122" />
      <source>{text} ({n} urgent)</source>
      <translation>{text} ({n} ya haraka)</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="127" />
      <source>No result to relay</source>
      <translation>Hakuna majibu ya kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="131" />
      <source>Allergies not recorded</source>
      <translation>Mzio haujarekodiwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="133" />
      <source>reported, not described</source>
      <translation>imeripotiwa, haijaelezwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="134" />
      <source>⚠ Allergy: {what}</source>
      <translation>⚠ Mzio: {what}</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="136" />
      <source>No known allergy</source>
      <translation>Hakuna mzio unaojulikana</translation>
    </message>
    <message>
      <location filename="../../ui/record_summary.py" line="138" />
      <source>Allergies not known</source>
      <translation>Mzio haujulikani</translation>
    </message>
  </context>
  <context>
    <name>RecordTab</name>
    <message>
      <location filename="../../ui/record_tab.py" line="93" />
      <source>&amp;Open</source>
      <translation>Fu&amp;ngua</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab.py" line="95" />
      <source>Open the selected line (Enter)</source>
      <translation>Fungua mstari uliochaguliwa (Enter)</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="36" />
      <source>Forgotten password</source>
      <translation>Nenosiri limesahaulika</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="39" />
      <source>Type the recovery key exactly as printed on the recovery sheet, then choose a new password for the account. (An administrator who is signed in can also reset a password in Settings.)</source>
      <translation>Andika ufunguo wa kurejesha sawasawa kama ulivyochapishwa kwenye karatasi ya ufunguo wa kurejesha, kisha uchague nenosiri jipya la akaunti. (Msimamizi aliyeingia anaweza pia kuweka upya nenosiri katika Mipangilio.)</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="50" />
      <source>at least {n} characters</source>
      <translation>angalau herufi {n}</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="55" />
      <source>&amp;Recovery key:</source>
      <translation>&amp;Ufunguo wa kurejesha:</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="56" />
      <source>&amp;User name:</source>
      <translation>&amp;Jina la mtumiaji:</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="57" />
      <source>&amp;New password:</source>
      <translation>Nenosiri ji&amp;pya:</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="58" />
      <source>&amp;Confirm:</source>
      <translation>&amp;Thibitisha:</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="63" />
      <source>&amp;Set the new password</source>
      <translation>&amp;Weka nenosiri jipya</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="79" />
      <source>Fill in the recovery key, the user name and the new password.</source>
      <translation>Jaza ufunguo wa kurejesha, jina la mtumiaji na nenosiri jipya.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="84" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Manenosiri mawili hayalingani: andika nenosiri lilelile mara mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_dialog.py" line="107" />
      <source>Setting the new password…</source>
      <translation>Inaweka nenosiri jipya…</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyPreview</name>
    <message>
      <location filename="../../ui/recovery_preview.py" line="20" />
      <source>Save as PDF</source>
      <translation>Hifadhi kama PDF</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="21" />
      <source>The PDF file is not encrypted.</source>
      <translation>Faili la PDF halijasimbwa.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="23" />
      <source>Anyone who opens the file can read the clinic's recovery key, which opens every record of the clinic. Print it rather than keep the file; if you save it, keep it only on a USB stick locked away, never on this laptop.</source>
      <translation>Yeyote atakayefungua faili hili anaweza kusoma ufunguo wa kurejesha wa kliniki, unaofungua kila kumbukumbu ya kliniki. Uchapishe badala ya kuhifadhi faili; ukilihifadhi, liweke tu kwenye flash ya USB iliyofungiwa mahali salama, kamwe si kwenye kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="29" />
      <source>Save the PDF</source>
      <translation>Hifadhi PDF</translation>
    </message>
    <message>
      <location filename="../../ui/recovery_preview.py" line="30" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
  </context>
  <context>
    <name>RecoverySheet</name>
    <message>
      <source>Clinic</source>
      <translation type="vanished">Kliniki</translation>
    </message>
    <message>
      <source>Made on</source>
      <translation type="vanished">Ulitengenezwa tarehe</translation>
    </message>
    <message>
      <source>Outpost recovery key</source>
      <translation type="vanished">Ufunguo wa kurejesha wa Outpost</translation>
    </message>
    <message>
      <source>Print the recovery key</source>
      <translation type="vanished">Chapisha ufunguo wa kurejesha</translation>
    </message>
    <message>
      <source>This key opens the clinic records if every password is forgotten. Keep this page locked away, apart from the laptop. Anyone who has both this page and the laptop can read the records.</source>
      <translation type="vanished">Ufunguo huu unafungua kumbukumbu za kliniki manenosiri yote yakisahaulika. Ifungie karatasi hii mahali salama, mbali na kompyuta. Yeyote aliye na karatasi hii na kompyuta pia anaweza kusoma kumbukumbu.</translation>
    </message>
    <message>
      <source>To use it: on the sign-in window choose “Forgotten password?”, then type this key exactly as printed.</source>
      <translation type="vanished">Kuutumia: kwenye dirisha la kuingia chagua “Umesahau nenosiri?”, kisha uandike ufunguo huu sawasawa kama ulivyochapishwa.</translation>
    </message>
  </context>
  <context>
    <name>ReferralScreen</name>
    <message>
      <location filename="../../ui/referral_screen.py" line="71" />
      <source>New &amp;appointment date…</source>
      <translation>Tarehe mpya ya &amp;miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="73" />
      <source>Mark as &amp;sent…</source>
      <translation>Weka alama kuwa &amp;imetumwa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="74" />
      <source>&amp;Appointment given…</source>
      <translation>&amp;Miadi imetolewa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="75" />
      <source>Patient s&amp;een…</source>
      <translation>Mgonjwa &amp;ameonwa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="76" />
      <source>&amp;Feedback received…</source>
      <translation>Majibu ya rufaa &amp;yamepokelewa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="77" />
      <source>Clos&amp;e the referral…</source>
      <translation>Funga &amp;rufaa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="78" />
      <source>Decli&amp;ned…</source>
      <translation>Ime&amp;kataliwa…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="79" />
      <source>&amp;Lost to follow-up…</source>
      <translation>Amepotea kwenye &amp;ufuatiliaji…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="106" />
      <source>Referral</source>
      <translation>Rufaa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="109" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="124" />
      <source>Counter-referral</source>
      <translation>Majibu ya rufaa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="146" />
      <source>Open the &amp;patient's record</source>
      <translation>Fungua rekodi ya mgo&amp;njwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="148" />
      <source>&amp;Close</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="194" />
      <source>a facility not chosen yet</source>
      <translation>kituo ambacho bado hakijachaguliwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="196" />
      <source>Referral of {patient} to {where}</source>
      <translation>Rufaa ya {patient} kwenda {where}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="200" />
      <source>Referral: {patient}</source>
      <translation>Rufaa: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="206" />
      <source>overdue</source>
      <translation>imechelewa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="209" />
      <source>Not received yet.</source>
      <translation>Bado hayajapokelewa.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="227" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="228" />
      <source>Referred to</source>
      <translation>Kituo cha rufaa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="228" />
      <source>not chosen yet</source>
      <translation>bado hakijachaguliwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="229" />
      <source>Reason</source>
      <translation>Sababu</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="230" />
      <source>Referred by</source>
      <translation>Imetolewa na</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="231" />
      <source>Drafted</source>
      <translation>Iliandaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="232" />
      <source>Sent</source>
      <translation>Ilitumwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="233" />
      <source>Appointment</source>
      <translation>Miadi</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="234" />
      <source>Seen</source>
      <translation>Ameonwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="235" />
      <source>Feedback received</source>
      <translation>Majibu ya rufaa yamepokelewa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="236" />
      <source>Closed</source>
      <translation>Imefungwa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="237" />
      <source>Declined or lost because</source>
      <translation>Imekataliwa au amepotea kwa sababu</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="238" />
      <source>Notes</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="273" />
      <source>{step}: {patient}</source>
      <translation>{step}: {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="277" />
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="282" />
      <location filename="../../ui/referral_screen.py" line="387" />
      <source>&amp;Referred to:</source>
      <translation>Kituo &amp;cha rufaa:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="283" />
      <source>&amp;Sent on:</source>
      <translation>Ilitumwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="291" />
      <source>&amp;Appointment on:</source>
      <translation>&amp;Miadi tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="299" />
      <source>&amp;Seen on:</source>
      <translation>&amp;Ameonwa tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="307" />
      <source>What the &amp;counter-referral says:</source>
      <translation>Majibu ya &amp;rufaa yanasema nini:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="310" />
      <source>&amp;Received on:</source>
      <translation>&amp;Yalipokelewa tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="322" />
      <source>&amp;Counter-referral, if one came back:</source>
      <translation>Majibu ya &amp;rufaa, kama yalirudi:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="323" />
      <source>Closed &amp;on:</source>
      <translation>Ilifungwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="336" />
      <location filename="../../ui/referral_screen.py" line="389" />
      <source>&amp;Why:</source>
      <translation>&amp;Kwa nini:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="337" />
      <source>Who declined, or what is known of the patient.</source>
      <translation>Nani alikataa, au kinachojulikana kuhusu mgonjwa.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="340" />
      <source>Declined &amp;on:</source>
      <translation>Ilikataliwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="383" />
      <source>Refer {patient}</source>
      <translation>Toa rufaa kwa {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="384" />
      <source>Save the referral</source>
      <translation>Hifadhi rufaa</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="387" />
      <source>(choose later: kept as a draft)</source>
      <translation>(chagua baadaye: itahifadhiwa kama rasimu)</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="389" />
      <source>What the facility should know and do.</source>
      <translation>Kile ambacho kituo kinapaswa kujua na kufanya.</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="392" />
      <source>&amp;Urgency:</source>
      <translation>&amp;Uharaka:</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="396" />
      <source>The referral was &amp;sent today</source>
      <translation>Rufaa ime&amp;tumwa leo</translation>
    </message>
    <message>
      <location filename="../../ui/referral_screen.py" line="397" />
      <source>&amp;Notes:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
  </context>
  <context>
    <name>ReferralsTab</name>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="31" />
      <source>Referra&amp;ls</source>
      <translation>Rufa&amp;a</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="35" />
      <source>To</source>
      <translation>Kwenda</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="36" />
      <source>Reason</source>
      <translation>Sababu</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="37" />
      <source>Urgency</source>
      <translation>Uharaka</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="38" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="39" />
      <source>Drafted</source>
      <translation>Iliandaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="40" />
      <source>Sent</source>
      <translation>Ilitumwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="50" />
      <source>No referrals for this patient.</source>
      <translation>Hakuna rufaa za mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="54" />
      <source>Routine</source>
      <translation>Kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="55" />
      <source>Urgent</source>
      <translation>Ya haraka</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="56" />
      <source>Emergency</source>
      <translation>Dharura</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="62" />
      <source>⚠ {status} · overdue</source>
      <translation>⚠ {status} · imechelewa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_referrals.py" line="64" />
      <source>(not chosen yet)</source>
      <translation>(bado hakijachaguliwa)</translation>
    </message>
  </context>
  <context>
    <name>ResultScreen</name>
    <message>
      <location filename="../../ui/result_screen.py" line="110" />
      <source>Result</source>
      <translation>Majibu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="113" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="129" />
      <source>Measured</source>
      <translation>Kilichopimwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="130" />
      <source>Value</source>
      <translation>Thamani</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="131" />
      <source>Unit</source>
      <translation>Kizio</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="132" />
      <source>Flag</source>
      <translation>Alama</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="133" />
      <source>Normal range</source>
      <translation>Kiwango cha kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="136" />
      <source>Values of the result</source>
      <translation>Thamani za majibu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>When</source>
      <translation>Lini</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>How</source>
      <translation>Njia</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>Outcome</source>
      <translation>Matokeo</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>By</source>
      <translation>Na</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="141" />
      <source>Note</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="143" />
      <source>Attempts to tell the patient</source>
      <translation>Majaribio ya kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="149" />
      <source>The result</source>
      <translation>Majibu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="153" />
      <source>Telling the patient</source>
      <translation>Kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="167" />
      <source>Record a &amp;contact attempt…</source>
      <translation>Rekodi jaribio la &amp;kuwasiliana…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="170" />
      <location filename="../../ui/result_screen.py" line="387" />
      <source>Record &amp;received…</source>
      <translation>Rekodi &amp;yamepokelewa…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="172" />
      <source>Re&amp;view…</source>
      <translation>&amp;Pitia…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="173" />
      <source>&amp;Escalate…</source>
      <translation>Peleka ngazi ya &amp;juu…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="174" />
      <source>Mark &amp;sent…</source>
      <translation>Weka alama &amp;imetumwa…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="175" />
      <source>Ca&amp;ncel the test…</source>
      <translation>Ghairi kipi&amp;mo…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="176" />
      <source>Open the &amp;patient's record</source>
      <translation>Fungua rekodi ya mgo&amp;njwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="178" />
      <source>C&amp;lose</source>
      <translation>Fun&amp;ga</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="244" />
      <source>{test} — {patient}</source>
      <translation>{test} — {patient}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="246" />
      <source>Result: {test}</source>
      <translation>Majibu: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="249" />
      <source>urgent</source>
      <translation>ya haraka</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="251" />
      <source>⚠ not reached in time: escalate</source>
      <translation>⚠ hakupatikana kwa wakati: peleka ngazi ya juu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="253" />
      <source>⚠ late from the lab</source>
      <translation>⚠ yamechelewa kutoka maabara</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="256" />
      <source>1 attempt to tell the patient</source>
      <translation>Jaribio 1 la kumjulisha mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="258" />
      <source>{n} attempts to tell the patient</source>
      <translation>Majaribio {n} ya kumjulisha mgonjwa</translation>
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
      <translation>mtu asiyejulikana hapa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="284" />
      <source>{when}, by {who}</source>
      <translation>{when}, na {who}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="289" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="290" />
      <source>Test</source>
      <translation>Kipimo</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="291" />
      <source>Sent to</source>
      <translation>Kilitumwa kwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="291" />
      <source>in-house, or not said</source>
      <translation>hapa kliniki, au haikutajwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="292" />
      <source>Ordered</source>
      <translation>Kiliagizwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="293" />
      <source>Sent</source>
      <translation>Kilitumwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="294" />
      <source>Expected</source>
      <translation>Yanatarajiwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="295" />
      <source>Received</source>
      <translation>Yalipokelewa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="296" />
      <location filename="../../ui/result_screen.py" line="492" />
      <source>Reviewed</source>
      <translation>Yalipitiwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="296" />
      <source>not yet</source>
      <translation>bado</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="297" />
      <source>Escalated</source>
      <translation>Yalipelekwa ngazi ya juu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="298" />
      <source>Patient informed</source>
      <translation>Mgonjwa alijulishwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="299" />
      <source>Notes</source>
      <translation>Maelezo</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="300" />
      <source>Scanned report</source>
      <translation>Ripoti iliyoskaniwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="317" />
      <source>Not received yet.</source>
      <translation>Bado hayajapokelewa.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="340" />
      <source>No attempt yet.</source>
      <translation>Bado hakuna jaribio.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="387" />
      <source>Co&amp;rrect the result…</source>
      <translation>Sa&amp;hihisha majibu…</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="392" />
      <source>A clinician reviews results.</source>
      <translation>Mtabibu ndiye hupitia majibu.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="413" />
      <source>Contact attempt: {test}</source>
      <translation>Jaribio la kuwasiliana: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="415" />
      <source>Telling {patient} (phone {phone}) about the result.</source>
      <translation>Kumjulisha {patient} (simu {phone}) kuhusu majibu.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="419" />
      <source>Telling {patient} about the result (no phone on record).</source>
      <translation>Kumjulisha {patient} kuhusu majibu (hakuna simu kwenye rekodi).</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="423" />
      <source>Record the attempt</source>
      <translation>Rekodi jaribio</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="427" />
      <source>&amp;How:</source>
      <translation>&amp;Njia:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="433" />
      <source>&amp;Outcome:</source>
      <translation>&amp;Matokeo:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="437" />
      <source>&amp;When:</source>
      <translation>&amp;Lini:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="438" />
      <source>&amp;Note:</source>
      <translation>Ma&amp;elezo:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="455" />
      <source>Correct the result: {test}</source>
      <translation>Sahihisha majibu: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="455" />
      <source>Received: {test}</source>
      <translation>Yamepokelewa: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="457" />
      <source>Give the result's text, its values, or both. A value flagged critical makes the result urgent.</source>
      <translation>Andika maandishi ya majibu, thamani zake, au vyote viwili. Thamani yenye alama ya hatari hufanya majibu kuwa ya haraka.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="461" />
      <source>Save the result</source>
      <translation>Hifadhi majibu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="464" />
      <source>&amp;Received on:</source>
      <translation>&amp;Yalipokelewa tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="465" />
      <source>Result &amp;text:</source>
      <translation>Maandishi ya &amp;majibu:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="466" />
      <source>&amp;Values:</source>
      <translation>&amp;Thamani:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="469" />
      <source>&amp;Urgent: relay it first</source>
      <translation>Ya &amp;haraka: mjulishe mgonjwa kwanza</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="492" />
      <source>Review: {test}</source>
      <translation>Mapitio: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="494" />
      <source>Review &amp;note:</source>
      <translation>Maelezo ya &amp;mapitio:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="505" />
      <source>Escalate: {test}</source>
      <translation>Peleka ngazi ya juu: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="506" />
      <source>The patient could not be reached in time: hand the result on (a clinician, a community health worker's visit). Attempts to tell the patient go on.</source>
      <translation>Mgonjwa hakupatikana kwa wakati: kabidhi majibu (kwa mtabibu, au kwa ziara ya mhudumu wa afya ya jamii). Majaribio ya kumjulisha mgonjwa yanaendelea.</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="510" />
      <source>Escalate</source>
      <translation>Peleka ngazi ya juu</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="512" />
      <source>To &amp;whom, or how:</source>
      <translation>Kwa &amp;nani, au vipi:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="523" />
      <source>Sent: {test}</source>
      <translation>Kimetumwa: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="523" />
      <source>Mark sent</source>
      <translation>Weka alama imetumwa</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="525" />
      <source>&amp;Sent on:</source>
      <translation>Kilitumwa &amp;tarehe:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="526" />
      <source>Sent &amp;to:</source>
      <translation>Kilitumwa &amp;kwa:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="526" />
      <source>(as ordered)</source>
      <translation>(kama ilivyoagizwa)</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="541" />
      <source>Cancel the test: {test}</source>
      <translation>Ghairi kipimo: {test}</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="542" />
      <source>Cancel the test</source>
      <translation>Ghairi kipimo</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="544" />
      <source>&amp;Why:</source>
      <translation>&amp;Kwa nini:</translation>
    </message>
    <message>
      <location filename="../../ui/result_screen.py" line="545" />
      <source>Keep it</source>
      <translation>Usighairi</translation>
    </message>
  </context>
  <context>
    <name>ResultsTab</name>
    <message>
      <location filename="../../ui/record_tab_results.py" line="41" />
      <source>Resul&amp;ts</source>
      <translation>Ma&amp;jibu</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="45" />
      <source>Test</source>
      <translation>Kipimo</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="46" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="47" />
      <source>Ordered</source>
      <translation>Kiliagizwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="48" />
      <source>Received</source>
      <translation>Yalipokelewa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="49" />
      <source>Tries to tell</source>
      <translation>Majaribio ya kumjulisha</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="50" />
      <source>Sent to</source>
      <translation>Kilitumwa kwa</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="60" />
      <source>No results for this patient.</source>
      <translation>Hakuna majibu ya mgonjwa huyu.</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="69" />
      <source>{status} · late from the lab</source>
      <translation>{status} · yamechelewa kutoka maabara</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="71" />
      <source>{status} · to escalate</source>
      <translation>{status} · ya kupeleka ngazi ya juu</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="81" />
      <source>Urgent</source>
      <translation>Ya haraka</translation>
    </message>
    <message>
      <location filename="../../ui/record_tab_results.py" line="86" />
      <source>Last try: {outcome}</source>
      <translation>Jaribio la mwisho: {outcome}</translation>
    </message>
  </context>
  <context>
    <name>SessionLock</name>
    <message>
      <location filename="../../ui/lock.py" line="240" />
      <source>That is not the password of {username}. Try again.</source>
      <translation>Hilo si nenosiri la {username}. Jaribu tena.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="246" />
      <source>Too many wrong passwords. Wait {seconds} s, then try again.</source>
      <translation>Manenosiri mengi mno yasiyo sahihi. Subiri sekunde {seconds}, kisha ujaribu tena.</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="254" />
      <source>The password could not be checked (an unexpected error, now in the log).</source>
      <translation>Nenosiri halikuweza kukaguliwa (hitilafu isiyotarajiwa, imeandikwa kwenye kumbukumbu za mfumo).</translation>
    </message>
    <message>
      <location filename="../../ui/lock.py" line="266" />
      <source>Checking the password…</source>
      <translation>Inakagua nenosiri…</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <location filename="../../ui/settings_view.py" line="46" />
      <source>Ge&amp;neral</source>
      <translation>&amp;Jumla</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="52" />
      <source>&amp;Backups</source>
      <translation>&amp;Nakala rudufu</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="57" />
      <source>&amp;Users</source>
      <translation>&amp;Watumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="63" />
      <source>Schemes</source>
      <translation>Mipango ya bima</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="65" />
      <source>The clinic's schemes and insurers</source>
      <translation>Mipango ya bima na kampuni za bima za kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="71" />
      <source>Cl&amp;inic</source>
      <translation>&amp;Kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="76" />
      <source>Billing</source>
      <translation>Ankara na malipo</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="78" />
      <source>The clinic's currency and price list</source>
      <translation>Sarafu na orodha ya bei ya kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="84" />
      <source>Forms</source>
      <translation>Fomu</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="86" />
      <source>The clinic's installed forms</source>
      <translation>Fomu za kliniki zilizosakinishwa</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="91" />
      <source>H&amp;Q</source>
      <translation>&amp;Makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/settings_view.py" line="93" />
      <source>Settings</source>
      <translation>Mipangilio</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation type="vanished">&amp;Kliniki</translation>
    </message>
    <message>
      <source>&amp;General</source>
      <translation type="vanished">&amp;Jumla</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <location filename="../../ui/setup_wizard.py" line="64" />
      <source>Setting up the clinic</source>
      <translation>Kuanzisha kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="86" />
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Nyuma</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="87" />
      <location filename="../../ui/setup_wizard.py" line="443" />
      <source>&amp;Next &gt;</source>
      <translation>&amp;Mbele &gt;</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="88" />
      <source>&amp;Finish</source>
      <translation>Mali&amp;za</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="89" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="112" />
      <source>Welcome to Outpost</source>
      <translation>Karibu Outpost</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="114" />
      <source>This laptop holds no clinic records yet. In {steps} short steps you will name the clinic, set out its week (opening hours, a first provider and an appointment type), create the first administrator's account, and receive the recovery key.

Everything is kept encrypted on this laptop, in this folder:</source>
      <translation>Kompyuta hii bado haina kumbukumbu za kliniki. Kwa hatua {steps} fupi utaipa kliniki jina, utapanga wiki yake (saa za kufungua, mhudumu wa kwanza na aina ya miadi), utafungua akaunti ya msimamizi wa kwanza, na utapokea ufunguo wa kurejesha.

Kila kitu kinahifadhiwa kikiwa kimesimbwa kwenye kompyuta hii, katika folda hii:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="126" />
      <source>&amp;Set up a new clinic on this laptop</source>
      <translation>&amp;Weka kliniki mpya kwenye kompyuta hii</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="130" />
      <source>&amp;Join an existing clinic: HQ knows it, and its records come from HQ</source>
      <translation>&amp;Jiunge na kliniki iliyopo: makao makuu yanaijua, na kumbukumbu zake zinatoka makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="134" />
      <source>For a new or replacement laptop of a clinic that already syncs with HQ: you need HQ's address, an enrolment code from HQ, and your own account of the clinic.</source>
      <translation>Kwa kompyuta mpya au ya kubadilisha ya kliniki ambayo tayari inasawazisha na makao makuu: unahitaji anwani ya makao makuu, msimbo wa usajili kutoka makao makuu, na akaunti yako mwenyewe ya kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="155" />
      <source>The clinic</source>
      <translation>Kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="159" />
      <source>e.g. Kisumu Health Post</source>
      <translation>k.m. Zahanati ya Kisumu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="175" />
      <source>Clinic na&amp;me:</source>
      <translation>&amp;Jina la kliniki:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="176" />
      <source>&amp;Country:</source>
      <translation>N&amp;chi:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="177" />
      <source>&amp;Time zone:</source>
      <translation>&amp;Saa za eneo:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="185" />
      <source>The country sets how phone numbers are read; the time zone sets the clinic's clock for appointments.</source>
      <translation>Nchi huamua jinsi namba za simu zinavyosomwa; saa za eneo huweka saa ya kliniki kwa ajili ya miadi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="201" />
      <source>The clinic's week</source>
      <translation>Wiki ya kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="203" />
      <source>So that appointments can be booked from the start: when the clinic is open, who sees patients, and the usual kind of visit. All of it can be changed, and more added, in Settings → Clinic.</source>
      <translation>Ili miadi iweze kupangwa tangu mwanzo: kliniki inafunguliwa lini, nani anawahudumia wagonjwa, na aina ya kawaida ya ziara. Yote haya yanaweza kubadilishwa, na mengine kuongezwa, katika Mipangilio → Kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="214" />
      <source>e.g. Dr. Achieng Otieno</source>
      <translation>k.m. Dkt. Achieng Otieno</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="216" />
      <source>e.g. Clinical officer</source>
      <translation>k.m. Tabibu</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="217" />
      <source>Consultation</source>
      <translation>Huduma ya kawaida</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="222" />
      <source> min</source>
      <translation> dak.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="226" />
      <source>First &amp;provider:</source>
      <translation>M&amp;hudumu wa kwanza:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="227" />
      <source>Their t&amp;itle:</source>
      <translation>&amp;Cheo chake:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="228" />
      <source>Appointment &amp;type:</source>
      <translation>&amp;Aina ya miadi:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="229" />
      <source>&amp;Duration:</source>
      <translation>Mu&amp;da:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="234" />
      <source>closed</source>
      <translation>imefungwa</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="238" />
      <source>Opening hours, e.g. 08:00–13:00, 14:00–17:00; leave a day empty when the clinic is closed. The first provider works these hours.</source>
      <translation>Saa za kufungua, k.m. 08:00–13:00, 14:00–17:00; acha siku wazi kliniki ikiwa imefungwa. Mhudumu wa kwanza hufanya kazi saa hizi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="246" />
      <source>Opening hours</source>
      <translation>Saa za kufungua</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="263" />
      <source>The first administrator</source>
      <translation>Msimamizi wa kwanza</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="265" />
      <source>The administrator adds the other users and looks after the clinic's settings and backups.</source>
      <translation>Msimamizi huongeza watumiaji wengine na kushughulikia mipangilio na nakala rudufu za kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="274" />
      <source>e.g. Amina Odhiambo</source>
      <translation>k.m. Amina Odhiambo</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="276" />
      <source>e.g. amina</source>
      <translation>k.m. amina</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="282" />
      <source>Password: at least {n} characters; a short sentence is easier to remember than a jumble. Not the same as the user name.</source>
      <translation>Nenosiri: angalau herufi {n}; sentensi fupi ni rahisi kukumbuka kuliko mchanganyiko wa herufi ovyo. Lisifanane na jina la mtumiaji.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="290" />
      <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
      <translation>Herufi ndogo, tarakimu, '.', '_' au '-', likianza kwa herufi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="294" />
      <source>Full na&amp;me:</source>
      <translation>Jina &amp;kamili:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="295" />
      <source>&amp;User name:</source>
      <translation>&amp;Jina la mtumiaji:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="296" />
      <source>&amp;Password:</source>
      <translation>Nenos&amp;iri:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="297" />
      <source>&amp;Confirm password:</source>
      <translation>&amp;Thibitisha nenosiri:</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="315" />
      <source>Your recovery key</source>
      <translation>Ufunguo wako wa kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="317" />
      <source>If every password is forgotten, this key is the only way back into the clinic's records. It is shown now and never again. Print it or write it down, and keep it locked away, apart from this laptop.</source>
      <translation>Manenosiri yote yakisahaulika, ufunguo huu ndio njia pekee ya kurudi kwenye kumbukumbu za kliniki. Unaonyeshwa sasa tu na hautaonyeshwa tena. Uchapishe au uuandike, na uufungie mahali salama, mbali na kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="333" />
      <source>Recovery key</source>
      <translation>Ufunguo wa kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="334" />
      <source>&amp;Print the recovery key…</source>
      <translation>&amp;Chapisha ufunguo wa kurejesha…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="335" />
      <source>I have &amp;written down or printed the recovery key</source>
      <translation>Nime&amp;andika au nimechapisha ufunguo wa kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="381" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Manenosiri mawili hayalingani: andika nenosiri lilelile mara mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="383" />
      <source>Give the clinic's name.</source>
      <translation>Andika jina la kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="384" />
      <source>Choose the country.</source>
      <translation>Chagua nchi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="385" />
      <source>Choose the time zone.</source>
      <translation>Chagua saa za eneo.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="386" />
      <source>Name the first provider (more can be added later in Settings).</source>
      <translation>Andika jina la mhudumu wa kwanza (wengine wanaweza kuongezwa baadaye katika Mipangilio).</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="389" />
      <source>Name the usual kind of appointment.</source>
      <translation>Andika aina ya kawaida ya miadi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="390" />
      <source>Give the administrator's full name.</source>
      <translation>Andika jina kamili la msimamizi.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="391" />
      <source>Choose a user name for signing in.</source>
      <translation>Chagua jina la mtumiaji la kuingilia.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="392" />
      <source>Choose a password.</source>
      <translation>Chagua nenosiri.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="433" />
      <source>Step {step} of {steps}</source>
      <translation>Hatua {step} kati ya {steps}</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="443" />
      <source>&amp;Join the clinic</source>
      <translation>&amp;Jiunge na kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="487" />
      <source>Creating the encrypted store…</source>
      <translation>Inatengeneza hifadhi iliyosimbwa…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_wizard.py" line="546" />
      <source>Recovery key sheet</source>
      <translation>Karatasi ya ufunguo wa kurejesha</translation>
    </message>
    <message>
      <source>Clinic &amp;name:</source>
      <translation type="vanished">&amp;Jina la kliniki:</translation>
    </message>
    <message>
      <source>Full &amp;name:</source>
      <translation type="vanished">Jina &amp;kamili:</translation>
    </message>
    <message>
      <source>Set up Outpost</source>
      <translation type="vanished">Sanidi Outpost</translation>
    </message>
    <message>
      <source>Their &amp;title:</source>
      <translation type="vanished">&amp;Cheo chake:</translation>
    </message>
    <message>
      <source>This is required.</source>
      <translation type="vanished">Hili linahitajika.</translation>
    </message>
    <message>
      <source>This laptop holds no clinic records yet. In three short steps you will name the clinic, create the first administrator's account, and receive the recovery key.

Everything is kept encrypted on this laptop, in this folder:</source>
      <translation type="vanished">Kompyuta hii bado haina kumbukumbu za kliniki. Kwa hatua tatu fupi utaipa kliniki jina, utafungua akaunti ya msimamizi wa kwanza, na utapokea ufunguo wa kurejesha.

Kila kitu kinahifadhiwa kikiwa kimesimbwa kwenye kompyuta hii, katika folda hii:</translation>
    </message>
  </context>
  <context>
    <name>SignaturePad</name>
    <message>
      <location filename="../../ui/signature_pad.py" line="160" />
      <source>Signature pad</source>
      <translation>Kisanduku cha sahihi</translation>
    </message>
    <message>
      <location filename="../../ui/signature_pad.py" line="162" />
      <source>Sign here with the mouse, a finger or a pen. Clear starts again.</source>
      <translation>Tia sahihi hapa kwa kipanya, kidole au kalamu. Futa huanza upya.</translation>
    </message>
    <message>
      <location filename="../../ui/signature_pad.py" line="345" />
      <source>Sign here</source>
      <translation>Tia sahihi hapa</translation>
    </message>
  </context>
  <context>
    <name>SyncAuto</name>
    <message>
      <location filename="../../ui/sync_auto.py" line="232" />
      <source>Closing Outpost</source>
      <translation>Outpost inafungwa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_auto.py" line="234" />
      <source>Sending this laptop's {n} waiting changes to HQ before closing. Outpost closes in {seconds} seconds at most; what is not sent waits safely for the next sync.</source>
      <translation>Inatuma mabadiliko {n} yanayosubiri kwenye kompyuta hii kwenda makao makuu kabla ya kufunga. Outpost itafungwa ndani ya sekunde {seconds} zisizozidi; yasiyotumwa yanasubiri salama usawazishaji ujao.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_auto.py" line="240" />
      <source>Close &amp;now</source>
      <translation>Funga &amp;sasa</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <location filename="../../ui/sync_page.py" line="125" />
      <source>Sync &amp;now</source>
      <translation>Sawazisha &amp;sasa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="125" />
      <source>Sync with HQ now (Ctrl+Shift+S)</source>
      <translation>Sawazisha na makao makuu sasa (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="129" />
      <source>&amp;Cancel the sync</source>
      <translation>&amp;Ghairi usawazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="132" />
      <source>Connect &amp;to HQ…</source>
      <translation>Unganisha na &amp;makao makuu…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="139" />
      <source>Sync progress</source>
      <translation>Maendeleo ya usawazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="156" />
      <location filename="../../ui/sync_page.py" line="176" />
      <source>This session's syncs</source>
      <translation>Usawazishaji wa kipindi hiki</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="160" />
      <source>This laptop and HQ</source>
      <translation>Kompyuta hii na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="165" />
      <source>Needs attent&amp;ion…</source>
      <translation>Vinavyohitaji &amp;uangalizi…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="169" />
      <source>Sync</source>
      <translation>Usawazishaji</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="181" />
      <source>Sync with HQ</source>
      <translation>Usawazishaji na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="212" />
      <source>HQ: {url}</source>
      <translation>Makao makuu: {url}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="217" />
      <source>Last successful sync: {when}</source>
      <translation>Usawazishaji wa mwisho uliofaulu: {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="222" />
      <source>Changes waiting to be sent: {n}</source>
      <translation>Mabadiliko yanayosubiri kutumwa: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="224" />
      <source>Items needing attention: {n}</source>
      <translation>Vipengele vinavyohitaji uangalizi: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="227" />
      <source>Next automatic try: {when}</source>
      <translation>Jaribio lijalo la kiotomatiki: {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="233" />
      <source>Automatic sync is off (metered link): this laptop syncs only when you press Sync now.</source>
      <translation>Usawazishaji wa kiotomatiki umezimwa (muunganisho wa data ya kulipia): kompyuta hii husawazisha tu unapobonyeza Sawazisha sasa.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="239" />
      <source>Last attempt failed: {why}</source>
      <translation>Jaribio la mwisho halikufaulu: {why}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="242" />
      <source>This clinic was set up on this laptop and is not joined to HQ yet. Ask HQ for an enrolment code, then connect to HQ (Settings → HQ).</source>
      <translation>Kliniki hii iliwekwa kwenye kompyuta hii na bado haijaunganishwa na makao makuu. Omba makao makuu msimbo wa usajili, kisha unganisha na makao makuu (Mipangilio → Makao makuu).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="247" />
      <source>This clinic is not joined to HQ yet: an administrator of the clinic connects it to HQ (Settings → HQ), with an enrolment code from HQ.</source>
      <translation>Kliniki hii bado haijaunganishwa na makao makuu: msimamizi wa kliniki huiunganisha (Mipangilio → Makao makuu) kwa msimbo wa usajili kutoka makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="293" />
      <source>Starting an automatic sync…</source>
      <translation>Inaanza usawazishaji wa kiotomatiki…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="293" />
      <source>Starting…</source>
      <translation>Inaanza…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="310" />
      <location filename="../../ui/sync_page.py" line="332" />
      <source>Stopping at the next step…</source>
      <translation>Inasimama katika hatua inayofuata…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="320" />
      <source>Reaching HQ…</source>
      <translation>Inafikia makao makuu…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="321" />
      <source>Sending attachments…</source>
      <translation>Inatuma viambatisho…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="322" />
      <source>Sending changes…</source>
      <translation>Inatuma mabadiliko…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="323" />
      <source>Receiving changes…</source>
      <translation>Inapokea mabadiliko…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="324" />
      <source>Checking that both sides hold the same records…</source>
      <translation>Inakagua kwamba pande zote mbili zina kumbukumbu zilezile…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="326" />
      <source>Syncing…</source>
      <translation>Inasawazisha…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="328" />
      <source>{done} of {total}</source>
      <translation>{done} kati ya {total}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="330" />
      <source>{done} so far</source>
      <translation>{done} hadi sasa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="340" />
      <source>Sync cancelled. What was received is kept; {n} changes wait to be sent at the next sync.</source>
      <translation>Usawazishaji umeghairiwa. Kilichopokelewa kimehifadhiwa; mabadiliko {n} yanasubiri kutumwa katika usawazishaji ujao.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="347" />
      <source>Sync finished.</source>
      <translation>Usawazishaji umekamilika.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="350" />
      <location filename="../../ui/sync_page.py" line="378" />
      <source>Automatic: {what}</source>
      <translation>Kiotomatiki: {what}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="359" />
      <source>New recovery key</source>
      <translation>Ufunguo mpya wa kurejesha</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="360" />
      <source>The clinic's key changed with this sync. New recovery key: {key}
Write it down or print it now: the old recovery sheet no longer opens the store.</source>
      <translation>Ufunguo wa kliniki umebadilika katika usawazishaji huu. Ufunguo mpya wa kurejesha: {key}
Uandike au uuchapishe sasa: karatasi ya zamani ya kurejesha haifungui tena data.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="370" />
      <location filename="../../ui/sync_page.py" line="480" />
      <source>The sync did not finish.</source>
      <translation>Usawazishaji haukukamilika.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="397" />
      <source>{sent} sent, {received} received</source>
      <translation>{sent} yametumwa, {received} yamepokelewa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="400" />
      <source>{n} sent in conflict with another device</source>
      <translation>{n} yametumwa yakigongana na kifaa kingine</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="402" />
      <source>{n} new items need attention</source>
      <translation>vipengele vipya {n} vinahitaji uangalizi</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="404" />
      <source>{n} were at HQ already</source>
      <translation>{n} yalikuwa tayari makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="407" />
      <source>{n} refused by HQ (still waiting here)</source>
      <translation>{n} yamekataliwa na makao makuu (bado yanasubiri hapa)</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="411" />
      <source>{n} wait for a record that has not arrived yet</source>
      <translation>{n} yanasubiri kumbukumbu ambayo bado haijafika</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="414" />
      <source>{n} patients removed on other laptops</source>
      <translation>wagonjwa {n} wameondolewa kwenye kompyuta nyingine</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="417" />
      <source>attachments: {sent} sent, {received} received</source>
      <translation>viambatisho: {sent} vimetumwa, {received} vimepokelewa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="422" />
      <source>accounts updated: {names}</source>
      <translation>akaunti zilizosasishwa: {names}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="424" />
      <source>everything was compared again with HQ</source>
      <translation>kila kitu kimelinganishwa tena na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="427" />
      <source>{kind}: {here} here, {hq} at HQ</source>
      <translation>{kind}: {here} hapa, {hq} makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="429" />
      <source>{n} still waiting</source>
      <translation>{n} bado yanasubiri</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="432" />
      <source>Cancelled: {what}</source>
      <translation>Imeghairiwa: {what}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="451" />
      <source>This clinic is not joined to HQ yet.</source>
      <translation>Kliniki hii bado haijaunganishwa na makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="452" />
      <source>Connect to HQ first (Settings → HQ) with a code from HQ.</source>
      <translation>Kwanza unganisha na makao makuu (Mipangilio → Makao makuu) kwa msimbo kutoka makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="454" />
      <source>HQ could not be reached; you can go on working offline.</source>
      <translation>Makao makuu hayakufikiwa; unaweza kuendelea kufanya kazi bila mtandao.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="459" />
      <source>The changes wait on this laptop and nothing is lost: sync again when the link is back.</source>
      <translation>Mabadiliko yanasubiri kwenye kompyuta hii na hakuna kilichopotea: sawazisha tena muunganisho ukirudi.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="465" />
      <source>HQ has revoked this laptop's access.</source>
      <translation>Makao makuu yamebatilisha ruhusa ya kompyuta hii.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="466" />
      <source>Its records stay on this laptop. Ask HQ why, and for a new enrolment code if the laptop should sync again.</source>
      <translation>Kumbukumbu zake zinabaki kwenye kompyuta hii. Uliza makao makuu sababu, na omba msimbo mpya wa usajili ikiwa kompyuta inapaswa kusawazisha tena.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="471" />
      <source>HQ needs a newer Outpost.</source>
      <translation>Makao makuu yanahitaji Outpost mpya zaidi.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="472" />
      <source>Install the newer Outpost on this laptop, then sync again. Nothing is lost meanwhile.</source>
      <translation>Sakinisha Outpost mpya zaidi kwenye kompyuta hii, kisha sawazisha tena. Hakuna kinachopotea kwa sasa.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="477" />
      <source>A sync of this laptop is already running.</source>
      <translation>Usawazishaji wa kompyuta hii tayari unaendelea.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="481" />
      <source>Nothing is lost: try again; if it keeps failing, tell HQ.</source>
      <translation>Hakuna kilichopotea: jaribu tena; ikiendelea kushindwa, waambie makao makuu.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="483" />
      <source>The sync could not run.</source>
      <translation>Usawazishaji haukuweza kufanyika.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="486" />
      <source>Something unexpected went wrong during the sync.</source>
      <translation>Hitilafu isiyotarajiwa imetokea wakati wa usawazishaji.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" line="488" />
      <source>Nothing that was saved is lost. Try again; if it happens again, tell whoever looks after this laptop (the event is in the log).</source>
      <translation>Hakuna kilichohifadhiwa kilichopotea. Jaribu tena; ikitokea tena, mwambie anayeshughulikia kompyuta hii (tukio limo kwenye kumbukumbu).</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message>
      <location filename="../../ui/sync_status.py" line="238" />
      <source>Sync now</source>
      <translation>Sawazisha sasa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="239" />
      <source>Sync with HQ now</source>
      <translation>Sawazisha na makao makuu sasa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="259" />
      <source>Never synced</source>
      <translation>Haijawahi kusawazishwa</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="263" />
      <source>Synced just now</source>
      <translation>Imesawazishwa sasa hivi</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="266" />
      <source>Synced 1 minute ago</source>
      <translation>Imesawazishwa dakika 1 iliyopita</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="267" />
      <source>Synced {n} minutes ago</source>
      <translation>Imesawazishwa dakika {n} zilizopita</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="270" />
      <source>Synced 1 hour ago</source>
      <translation>Imesawazishwa saa 1 iliyopita</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="271" />
      <source>Synced {n} hours ago</source>
      <translation>Imesawazishwa saa {n} zilizopita</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="273" />
      <source>Not synced for 1 day</source>
      <translation>Haijasawazishwa kwa siku 1</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="274" />
      <source>Not synced for {n} days</source>
      <translation>Haijasawazishwa kwa siku {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="278" />
      <source>Not connected to HQ yet</source>
      <translation>Bado haijaunganishwa na makao makuu</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="280" />
      <source>Syncing with HQ…</source>
      <translation>Inasawazisha na makao makuu…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="284" />
      <source>1 change waiting</source>
      <translation>Badiliko 1 linasubiri</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="286" />
      <source>{n} changes waiting</source>
      <translation>Mabadiliko {n} yanasubiri</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="288" />
      <source>{n} need attention</source>
      <translation>{n} vinahitaji uangalizi</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="291" />
      <source>last attempt failed: {why}</source>
      <translation>jaribio la mwisho halikufaulu: {why}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="294" />
      <source>offline, will retry {when}</source>
      <translation>nje ya mtandao, itajaribu tena {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="296" />
      <source>offline</source>
      <translation>nje ya mtandao</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="299" />
      <source>next try {when}</source>
      <translation>jaribio lijalo {when}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="309" />
      <source>in less than a minute</source>
      <translation>baada ya chini ya dakika moja</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="312" />
      <source>in 1 minute</source>
      <translation>baada ya dakika 1</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="314" />
      <source>in {n} minutes</source>
      <translation>baada ya dakika {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="315" />
      <source>in {n} hours</source>
      <translation>baada ya saa {n}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="321" />
      <source>Sync status: {text}</source>
      <translation>Hali ya usawazishaji: {text}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_status.py" line="322" />
      <source>Click to open the sync page.</source>
      <translation>Bofya kufungua ukurasa wa usawazishaji.</translation>
    </message>
    <message>
      <source>({n} changes waiting to be sent)</source>
      <translation type="vanished">(mabadiliko {n} yanasubiri kutumwa)</translation>
    </message>
    <message>
      <source>Connected to HQ</source>
      <translation type="vanished">Imeunganishwa na makao makuu</translation>
    </message>
    <message>
      <source>HQ not reachable; working offline</source>
      <translation type="vanished">Makao makuu hayapatikani; inafanya kazi bila mtandao</translation>
    </message>
    <message>
      <source>Sync failed: {detail}</source>
      <translation type="vanished">Usawazishaji umeshindikana: {detail}</translation>
    </message>
    <message>
      <source>Synced with HQ at {time}</source>
      <translation type="vanished">Imesawazishwa na makao makuu saa {time}</translation>
    </message>
    <message>
      <source>Synced; {n} items need attention</source>
      <translation type="vanished">Imesawazishwa; vitu {n} vinahitaji kushughulikiwa</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <location filename="../../ui/today_view.py" line="87" />
      <source>◀ &amp;Previous day</source>
      <translation>◀ Siku &amp;iliyopita</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="90" />
      <source>&amp;Today</source>
      <translation>&amp;Leo</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="93" />
      <source>Next &amp;day ▶</source>
      <translation>Siku ina&amp;yofuata ▶</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="98" />
      <location filename="../../ui/today_view.py" line="327" />
      <source>All providers</source>
      <translation>Wahudumu wote</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="100" />
      <source>Show &amp;cancelled and moved</source>
      <translation>Onyesha zilizo&amp;ghairiwa na zilizohamishwa</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="103" />
      <source>&amp;Refresh</source>
      <translation>Onyesha u&amp;pya</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="103" />
      <source>Refresh (F5)</source>
      <translation>Onyesha upya (F5)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="114" />
      <source>Time</source>
      <translation>Saa</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="115" />
      <location filename="../../ui/today_view.py" line="148" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="116" />
      <source>Type</source>
      <translation>Aina</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="117" />
      <location filename="../../ui/today_view.py" line="148" />
      <source>Status</source>
      <translation>Hali</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="118" />
      <source>Arrived</source>
      <translation>Alifika</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="123" />
      <source>Appointments of the day, by provider</source>
      <translation>Miadi ya siku, kwa kila mhudumu</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="148" />
      <source>Waiting</source>
      <translation>Muda wa kusubiri</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="148" />
      <source>Coverage</source>
      <translation>Bima</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="156" />
      <source>Waiting room: patients who have arrived</source>
      <translation>Chumba cha kusubiri: wagonjwa waliofika</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="168" />
      <source>Check &amp;in</source>
      <translation>&amp;Sajili kufika</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="168" />
      <source>Check in (Ctrl+I)</source>
      <translation>Sajili kufika (Ctrl+I)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="172" />
      <source>Wal&amp;k-in…</source>
      <translation>&amp;Bila miadi…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="174" />
      <source>A patient without an appointment joins the queue (Ctrl+Shift+I)</source>
      <translation>Mgonjwa asiye na miadi anaingia kwenye foleni (Ctrl+Shift+I)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="178" />
      <source>&amp;Start consultation</source>
      <translation>&amp;Anza kumhudumia</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="181" />
      <source>Co&amp;mplete</source>
      <translation>Mali&amp;za</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="184" />
      <source>&amp;No-show</source>
      <translation>&amp;Hakufika</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="187" />
      <source>Book &amp;follow-up…</source>
      <translation>Miadi ya &amp;ufuatiliaji…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="190" />
      <source>&amp;Open patient</source>
      <translation>&amp;Fungua rekodi ya mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="192" />
      <source>Open the patient's record (Enter)</source>
      <translation>Fungua rekodi ya mgonjwa (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="205" />
      <source>Pro&amp;vider:</source>
      <translation>Mhu&amp;dumu:</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="212" />
      <source>&amp;Appointments</source>
      <translation>&amp;Miadi</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="217" />
      <source>&amp;Waiting room</source>
      <translation>&amp;Chumba cha kusubiri</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="283" />
      <source>Today, {date}</source>
      <translation>Leo, {date}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="367" />
      <source>✓ Verified this month</source>
      <translation>✓ Imethibitishwa mwezi huu</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="368" />
      <source>? To verify</source>
      <translation>? Ithibitishwe</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="369" />
      <source>✗ Expired</source>
      <translation>✗ Muda umekwisha</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="370" />
      <source>✗ Not covered</source>
      <translation>✗ Haitumiki</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="413" />
      <source>{name} — no appointments</source>
      <translation>{name} — hakuna miadi</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="415" />
      <source>{name} — 1 appointment</source>
      <translation>{name} — miadi 1</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="416" />
      <source>{name} — {count} appointments</source>
      <translation>{name} — miadi {count}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="449" />
      <source>Booked for {time}; not arrived yet</source>
      <translation>Miadi ya saa {time}; bado hajafika</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="453" />
      <source>Booked with {provider}</source>
      <translation>Miadi na {provider}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="471" />
      <source>{minutes} min</source>
      <translation>dak. {minutes}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="484" />
      <source>Nobody waiting</source>
      <translation>Hakuna anayesubiri</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="499" />
      <source>Walk-ins: {count}</source>
      <translation>Bila miadi: {count}</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="500" />
      <source>No appointments.</source>
      <translation>Hakuna miadi.</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="535" />
      <source>A no-show can be marked once the appointment's time ({time}) has passed.</source>
      <translation>Alama ya “hakufika” inaweza kuwekwa muda wa miadi ({time}) ukishapita.</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="539" />
      <source>Mark as no-show (Ctrl+Shift+N)</source>
      <translation>Weka alama ya hakufika (Ctrl+Shift+N)</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="582" />
      <source>Checking in…</source>
      <translation>Inasajili kufika…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="587" />
      <source>Starting the consultation…</source>
      <translation>Inaanza kumhudumia…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="590" />
      <source>Completing the visit…</source>
      <translation>Inamaliza ziara…</translation>
    </message>
    <message>
      <location filename="../../ui/today_view.py" line="593" />
      <source>Marking as no-show…</source>
      <translation>Inaweka alama ya kutofika…</translation>
    </message>
    <message>
      <source>No appointments</source>
      <translation type="vanished">Hakuna miadi</translation>
    </message>
    <message>
      <source>{text} · walk-in</source>
      <translation type="vanished">{text} · bila miadi</translation>
    </message>
  </context>
  <context>
    <name>UsersPanel</name>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>User name</source>
      <translation>Jina la mtumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Role</source>
      <translation>Jukumu</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="41" />
      <source>Account</source>
      <translation>Akaunti</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="45" />
      <source>Users</source>
      <translation>Watumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="53" />
      <source>Add a u&amp;ser…</source>
      <translation>&amp;Ongeza mtumiaji…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="54" />
      <source>&amp;Reset password…</source>
      <translation>Weka &amp;upya nenosiri…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="55" />
      <source>&amp;Change role…</source>
      <translation>Badilisha &amp;jukumu…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="56" />
      <location filename="../../ui/users_admin.py" line="122" />
      <source>&amp;Disable</source>
      <translation>&amp;Zima</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="59" />
      <source>A disabled user can no longer sign in; their past work keeps their name. Re-enabling sets a new password.</source>
      <translation>Mtumiaji aliyezimwa hawezi tena kuingia; kazi aliyoifanya zamani inabaki na jina lake. Kumwasha tena kunahitaji nenosiri jipya.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="102" />
      <source>Active</source>
      <translation>Inatumika</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="102" />
      <source>✗ Disabled</source>
      <translation>✗ Imezimwa</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="122" />
      <source>&amp;Enable…</source>
      <translation>&amp;Washa…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="131" />
      <source>The two passwords are different: type the same password twice.</source>
      <translation>Manenosiri mawili hayalingani: andika nenosiri lilelile mara mbili.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="142" />
      <source>Disabling {who} and changing the clinic's key…</source>
      <translation>Inamzima {who} na kubadilisha ufunguo wa kliniki…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="149" />
      <source>The password of {who} and any copy of the key file no longer open the clinic's records. Backups made before this change still open with the passwords of that time.</source>
      <translation>Nenosiri la {who} na nakala yoyote ya faili la funguo havifungui tena kumbukumbu za kliniki. Nakala rudufu zilizotengenezwa kabla ya mabadiliko haya bado zinafunguka kwa manenosiri ya wakati huo.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="155" />
      <source>New recovery key: {key}
Write it down or print it now: the old recovery sheet no longer opens the store.</source>
      <translation>Ufunguo mpya wa kurejesha: {key}
Uuandike au uuchapishe sasa: karatasi ya zamani ya ufunguo wa kurejesha haifungui tena hifadhi.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="162" />
      <source>{who} is disabled</source>
      <translation>{who} amezimwa</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="166" />
      <source>Disabling…</source>
      <translation>Inazima…</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="179" />
      <source>Add a user</source>
      <translation>Ongeza mtumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="180" />
      <source>Full &amp;name:</source>
      <translation>Jina &amp;kamili:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="183" />
      <source>&amp;User name:</source>
      <translation>&amp;Jina la mtumiaji:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="184" />
      <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
      <translation>Herufi ndogo, tarakimu, '.', '_' au '-', likianza kwa herufi.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="186" />
      <location filename="../../ui/users_admin.py" line="246" />
      <source>&amp;Role:</source>
      <translation>J&amp;ukumu:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="189" />
      <source>&amp;Password:</source>
      <translation>&amp;Nenosiri:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="191" />
      <source>At least {n} characters. Give it to the person, who can change it in Settings.</source>
      <translation>Angalau herufi {n}. Mpe mhusika, ambaye anaweza kulibadilisha katika Mipangilio.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="195" />
      <location filename="../../ui/users_admin.py" line="226" />
      <location filename="../../ui/users_admin.py" line="284" />
      <source>C&amp;onfirm:</source>
      <translation>&amp;Thibitisha:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="220" />
      <source>Reset {username}'s password</source>
      <translation>Weka upya nenosiri la {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="221" />
      <source>Choose a new password and give it to {name}; they can change it afterwards.</source>
      <translation>Chagua nenosiri jipya na umpe {name}; anaweza kulibadilisha baadaye.</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="225" />
      <location filename="../../ui/users_admin.py" line="283" />
      <source>&amp;New password:</source>
      <translation>Nenosiri ji&amp;pya:</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="244" />
      <source>Role of {username}</source>
      <translation>Jukumu la {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="266" />
      <source>Disable user</source>
      <translation>Zima mtumiaji</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="267" />
      <source>Disable {who}? They will no longer be able to sign in, and the clinic's records are re-encrypted under a new key (this can take a minute).</source>
      <translation>Umzime {who}? Hataweza tena kuingia, na kumbukumbu za kliniki zitasimbwa upya kwa ufunguo mpya (hii inaweza kuchukua dakika moja).</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="272" />
      <source>Disable</source>
      <translation>Zima</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="273" />
      <source>Keep</source>
      <translation>Usimzime</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="280" />
      <source>Enable {username}</source>
      <translation>Washa {username}</translation>
    </message>
    <message>
      <location filename="../../ui/users_admin.py" line="281" />
      <source>Set a new password to re-enable the account.</source>
      <translation>Weka nenosiri jipya ili kuwasha akaunti tena.</translation>
    </message>
    <message>
      <source>&amp;Add a user…</source>
      <translation type="vanished">&amp;Ongeza mtumiaji…</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation type="vanished">Badilisha &amp;jukumu…</translation>
    </message>
    <message>
      <source>Disable {name} ({username})? They will no longer be able to sign in.</source>
      <translation type="vanished">Umzime {name} ({username})? Hataweza tena kuingia.</translation>
    </message>
    <message>
      <source>Disable {who}? They will no longer be able to sign in.</source>
      <translation type="vanished">Umzime {who}? Hataweza tena kuingia.</translation>
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
      <translation>{label}:</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="267" />
      <source>Yes</source>
      <translation>Ndiyo</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="268" />
      <source>No</source>
      <translation>Hapana</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="336" />
      <source>Not known</source>
      <translation>Haijulikani</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="339" />
      <source>about {age} y</source>
      <translation>takriban miaka {age}</translation>
    </message>
    <message>
      <location filename="../../ui/util.py" line="340" />
      <source>{date} ({age} y)</source>
      <translation>{date} (miaka {age})</translation>
    </message>
  </context>
  <context>
    <name>WalkInDialog</name>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="54" />
      <source>Walk-in: a patient without an appointment</source>
      <translation>Bila miadi: mgonjwa asiye na miadi</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="59" />
      <source>Name, phone, ID or date of birth</source>
      <translation>Jina, simu, namba ya kitambulisho au tarehe ya kuzaliwa</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="60" />
      <source>&amp;New patient…</source>
      <translation>Mgonjwa m&amp;pya…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="63" />
      <source>Register the patient first</source>
      <translation>Sajili mgonjwa kwanza</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="67" />
      <source>Patients found</source>
      <translation>Wagonjwa waliopatikana</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="77" />
      <source>Whoever has the fewest waiting</source>
      <translation>Yeyote mwenye wagonjwa wachache zaidi wanaosubiri</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="80" />
      <source>The clinic's usual visit</source>
      <translation>Ziara ya kawaida ya kliniki</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="83" />
      <source>What they came for (optional)</source>
      <translation>Sababu ya kuja (si lazima)</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="90" />
      <source>&amp;Patient:</source>
      <translation>&amp;Mgonjwa:</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="94" />
      <source>Pro&amp;vider:</source>
      <translation>Mhu&amp;dumu:</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="95" />
      <source>&amp;Type:</source>
      <translation>&amp;Aina:</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="96" />
      <source>&amp;Reason:</source>
      <translation>&amp;Sababu:</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="100" />
      <source>&amp;Add to the queue</source>
      <translation>&amp;Ongeza kwenye foleni</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="104" />
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="134" />
      <source>{name} ({minutes} min)</source>
      <translation>{name} (dak. {minutes})</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="139" />
      <source>There are no providers or appointment types yet. An administrator adds them in Settings → Clinic.</source>
      <translation>Bado hakuna wahudumu wala aina za miadi. Msimamizi huviongeza katika Mipangilio → Kliniki.</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="171" />
      <source>Walk-in: {name}</source>
      <translation>Bila miadi: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="205" />
      <source>Find the patient, or register them with New patient…</source>
      <translation>Tafuta mgonjwa, au msajili kwa Mgonjwa mpya…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="220" />
      <source>Adding to the queue…</source>
      <translation>Inaongeza kwenye foleni…</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="236" />
      <source>Coverage</source>
      <translation>Bima</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="256" />
      <source>Booked already today</source>
      <translation>Tayari ana miadi leo</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="259" />
      <source>Check that appointment in from Today instead, or add them as a walk-in as well?</source>
      <translation>Sajili kufika kwa miadi hiyo kutoka Leo badala yake, au umwongeze pia kama mgonjwa wa bila miadi?</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="263" />
      <source>Add as a walk-in</source>
      <translation>Ongeza kama bila miadi</translation>
    </message>
    <message>
      <location filename="../../ui/walk_in_dialog.py" line="264" />
      <source>Go back</source>
      <translation>Rudi</translation>
    </message>
  </context>
  <context>
    <name>WorklistPage</name>
    <message>
      <location filename="../../ui/worklist_page.py" line="83" />
      <source>Worklist</source>
      <translation>Orodha ya kazi</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="86" />
      <source>Loading…</source>
      <translation>Inapakia…</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="95" />
      <source>Patient</source>
      <translation>Mgonjwa</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="96" />
      <source>Clinic no.</source>
      <translation>Namba ya usajili</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="97" />
      <source>Phone</source>
      <translation>Simu</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="98" />
      <source>What to do</source>
      <translation>Cha kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="99" />
      <source>Since</source>
      <translation>Tangu</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="104" />
      <source>Who to call today, most pressing first</source>
      <translation>Wa kupigiwa simu leo, wa haraka zaidi kwanza</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="129" />
      <source>Open the &amp;record</source>
      <translation>Fungua &amp;rekodi</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="131" />
      <source>Open where this is done (Enter)</source>
      <translation>Fungua mahali hili linapofanyika (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="135" />
      <source>Re&amp;fresh</source>
      <translation>Onyesha u&amp;pya</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="135" />
      <source>Refresh (F5)</source>
      <translation>Onyesha upya (F5)</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="222" />
      <source>Worklist — {date}</source>
      <translation>Orodha ya kazi — {date}</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="268" />
      <source>and {n} more — the longest waiting are shown</source>
      <translation>na mengine {n} — yanayoonyeshwa ni yaliyosubiri muda mrefu zaidi</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="288" />
      <source>today</source>
      <translation>leo</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="290" />
      <source>1 day</source>
      <translation>siku 1</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="292" />
      <source>{n} days</source>
      <translation>siku {n}</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="298" />
      <source>no phone</source>
      <translation>hakuna simu</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="311" />
      <source>Nobody to call today. ✓</source>
      <translation>Hakuna wa kupigiwa simu leo. ✓</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="314" />
      <source>1 thing to do</source>
      <translation>Jambo 1 la kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="314" />
      <source>{n} things to do</source>
      <translation>Mambo {n} ya kufanya</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="316" />
      <source>, {n} urgent</source>
      <translation>, {n} ya haraka</translation>
    </message>
    <message>
      <location filename="../../ui/worklist_page.py" line="317" />
      <source>Enter opens where it is done.</source>
      <translation>Enter hufungua mahali linapofanyika.</translation>
    </message>
  </context>
</TS>
