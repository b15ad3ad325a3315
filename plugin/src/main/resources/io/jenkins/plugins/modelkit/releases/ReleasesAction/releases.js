// The releases page's filter: shows only the ModelKits (heading and table) and timeline entries whose name contains the text.
document.addEventListener("DOMContentLoaded", function () {
  var filter = document.querySelector(".modelkit-releases__filter");
  if (!filter) {
    return;
  }
  filter.addEventListener("input", function () {
    var text = filter.value.trim().toLowerCase();
    document.querySelectorAll(".modelkit-releases__stages").forEach(function (table) {
      var hidden = text !== "" && table.dataset.modelkit.toLowerCase().indexOf(text) < 0;
      table.classList.toggle("modelkit-releases--hidden", hidden);
      var heading = table.previousElementSibling;
      if (heading) {
        heading.classList.toggle("modelkit-releases--hidden", hidden);
      }
    });
    document.querySelectorAll(".modelkit-releases__timeline li").forEach(function (entry) {
      entry.classList.toggle("modelkit-releases--hidden", text !== "" && entry.textContent.toLowerCase().indexOf(text) < 0);
    });
  });
});
