// Upload progress for the catalog import form (progressive enhancement: without this script the
// form posts normally). Sends the same multipart body by XHR, shows upload progress, then an
// indeterminate bar while the server checks the rows, and finally shows the page the server
// answered with (the preview after its redirect, or the form with its error).
(() => {
  const form = document.querySelector('form[data-upload-progress]');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const bar = document.getElementById(form.dataset.uploadProgress);
  const status = document.getElementById(`${form.dataset.uploadProgress}-status`);
  const button = form.querySelector('button[type="submit"]');
  const say = (text) => {
    if (status) status.textContent = text;
  };

  form.addEventListener('submit', (event) => {
    if (!bar) return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('accept', 'text/html');
    bar.hidden = false;
    bar.value = 0;
    if (button) button.disabled = true;
    say(form.dataset.textUploading);
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.upload.addEventListener('load', () => {
      // Uploaded; the server now reads and checks every row. No value = indeterminate bar.
      bar.removeAttribute('value');
      say(form.dataset.textChecking);
    });
    xhr.addEventListener('load', () => {
      const landed = xhr.responseURL && xhr.responseURL !== form.action;
      if (xhr.status < 400 && landed) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // An error page or the form with its message: show what the server rendered.
      const doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      document.title = doc.title;
      document.body.replaceWith(document.adoptNode(doc.body));
    });
    xhr.addEventListener('error', () => {
      bar.hidden = true;
      if (button) button.disabled = false;
      say(form.dataset.textFailed);
    });
    xhr.send(new FormData(form));
  });
})();
