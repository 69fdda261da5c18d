// Marks that scripts run (the phone header folds its links behind a menu button only then), and
// applies the reader layout the learner chose last time before the first paint (no flash).
document.documentElement.dataset.js = '';
try {
  var mode = localStorage.getItem('lesebruecke.readerMode');
  if (mode === 'side-by-side' || mode === 'de-only' || mode === 'interlinear')
    document.documentElement.dataset.readerMode = mode;
} catch (error) {
  // storage unavailable: the default layout applies
}
