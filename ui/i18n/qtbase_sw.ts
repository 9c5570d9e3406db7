<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own words in Swahili (Qt ships no qtbase_sw): kept by hand, compiled by python -m ui.i18n_catalogue. -->
<TS version="2.1" language="sw" sourcelanguage="en">
  <context>
    <name>QAbstractSpinBox</name>
    <message>
      <source>&amp;Select All</source>
      <translation>&amp;Chagua zote</translation>
    </message>
    <message>
      <source>&amp;Step up</source>
      <translation>&amp;Ongeza</translation>
    </message>
    <message>
      <source>Step &amp;down</source>
      <translation>&amp;Punguza</translation>
    </message>
  </context>
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>Sawa</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
      <translation>%1
Folda haikupatikana.
Tafadhali hakikisha jina la folda ni sahihi.</translation>
    </message>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
Faili halikupatikana.
Tafadhali hakikisha jina la faili ni sahihi.</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>%1 tayari lipo.
Unataka kulibadilisha?</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Chagua</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Futa</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>Folda &amp;mpya</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Fungua</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>&amp;Badilisha jina</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Hifadhi</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Faili zote (*)</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Faili zote (*)</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Una uhakika unataka kufuta '%1'?</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Nyuma</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Badilisha kuwa mwonekano wa kina</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Badilisha kuwa mwonekano wa orodha</translation>
    </message>
    <message>
      <source>Could not delete directory.</source>
      <translation>Folda haikuweza kufutwa.</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Unda folda mpya</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Unda folda mpya</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Futa</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Mwonekano wa kina</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>Folda</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Folda:</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Diski</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Faili</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Jina la faili:</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>Folda</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Faili</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Aina ya faili:</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folda</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Mbele</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Rudi nyuma</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Nenda mbele</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Nenda kwenye folda mama</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Mwonekano wa orodha</translation>
    </message>
    <message>
      <source>List of places and bookmarks</source>
      <translation>Orodha ya maeneo na alamisho</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Tafuta katika:</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Kompyuta yangu</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Folda mpya</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Fungua</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Folda mama</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>Maeneo ya hivi karibuni</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Ondoa</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Hifadhi kama</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Onyesha faili &amp;zilizofichwa</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Upau wa pembeni</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Haijulikani</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Computer</source>
      <translation>Kompyuta</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Tarehe ya kubadilishwa</translation>
    </message>
    <message>
      <source>Invalid filename</source>
      <translation>Jina la faili si sahihi</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Aina</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Kompyuta yangu</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Jina</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukubwa</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Aina</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Nakili</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Bandika</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rudia</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Tendua</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Kata</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Futa</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chagua zote</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Hide Details...</source>
      <translation>Ficha maelezo…</translation>
    </message>
    <message>
      <source>Show Details...</source>
      <translation>Onyesha maelezo…</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Hapana</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ndiyo</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Sitisha</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Tekeleza</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Funga</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Acha</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Msaada</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Puuza</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>Ha&amp;pana kwa zote</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>Sawa</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Fungua</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Weka upya</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Rejesha chaguo-msingi</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Jaribu tena</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Hifadhi</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Hifadhi zote</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ndiyo kwa &amp;zote</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Nakili</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Bandika</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rudia</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Tendua</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Nakili anwani ya &amp;kiungo</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Kata</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Futa</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chagua zote</translation>
    </message>
  </context>
  <context>
    <name>QWizard</name>
    <message>
      <source>&amp;Finish</source>
      <translation>Mali&amp;za</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>M&amp;saada</translation>
    </message>
    <message>
      <source>&amp;Next</source>
      <translation>&amp;Mbele &gt;</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Mbele &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Nyuma</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Ghairi</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Endelea</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Imekamilika</translation>
    </message>
    <message>
      <source>Go Back</source>
      <translation>Rudi nyuma</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Msaada</translation>
    </message>
  </context>
</TS>
