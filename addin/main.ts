import './taskpane.css'
Office.onReady(() => {
  const status = document.getElementById('status')
  if (status) status.textContent = 'Sẵn sàng'
})
