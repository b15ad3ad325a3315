// Reads the data embedded in the page, never a second file, so the page works opened from disk as well as
// served; shows times in the reader's time zone and filters the history by ModelKit and stage.
(function () {
  "use strict";
  var block = document.getElementById("release-data");
  if (!block) {
    return;
  }
  var data = JSON.parse(block.textContent);

  document.querySelectorAll("time[datetime]").forEach(function (time) {
    var when = new Date(time.getAttribute("datetime"));
    if (!isNaN(when.getTime())) {
      time.title = time.getAttribute("datetime");
      time.textContent = when.toLocaleString();
    }
  });

  var kitSelect = document.getElementById("timeline-modelkit");
  var stageSelect = document.getElementById("timeline-stage");
  function fill(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value; // text, never markup
      select.appendChild(option);
    });
  }
  fill(kitSelect, data.modelKits.map(function (kit) { return kit.name; }));
  fill(stageSelect, data.stages);
  function apply() {
    var kit = kitSelect.value;
    var stage = stageSelect.value;
    var shown = 0;
    document.querySelectorAll("ol.timeline > li").forEach(function (item) {
      var visible = (!kit || item.dataset.modelkit === kit) && (!stage || item.dataset.stage === stage);
      item.hidden = !visible;
      if (visible) {
        shown++;
      }
    });
    document.body.dataset.timelineShown = String(shown);
  }
  kitSelect.addEventListener("change", apply);
  stageSelect.addEventListener("change", apply);
  kitSelect.closest(".filter").hidden = false;
  apply();
  document.body.dataset.ready = "true";
})();
