// Applies the reader layout the learner chose last time before the first paint (no flash).
try {
  var mode = localStorage.getItem('lesebruecke.readerMode');
  if (mode === 'side-by-side' || mode === 'de-only' || mode === 'interlinear')
    document.documentElement.dataset.readerMode = mode;
} catch (error) {
  // storage unavailable: the default layout applies
}
