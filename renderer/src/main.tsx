import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@radix-ui/themes/styles.css'
import './styles/app.css'
import { App } from './App'
import { installFocusRescue } from './components/focus-rescue'

const container = document.getElementById('root')
if (!container) throw new Error('The page has no #root element')
installFocusRescue()
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)
