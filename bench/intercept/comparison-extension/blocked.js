// Shows the blocked address as text (never as markup).
document.getElementById('address').textContent = decodeURIComponent(location.hash.slice(1));
