; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; Windows lets no installer make itself the default mail client: it registers a mailto: handler
; and the capability, and the user picks Outbox Mail under Settings > Default apps.
; SHCTX is HKCU for a per-user install and HKLM for a per-machine one.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\OutboxMail.mailto" "" "URL:MailTo Protocol"
  WriteRegStr SHCTX "Software\Classes\OutboxMail.mailto" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\OutboxMail.mailto\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\OutboxMail.mailto\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Clients\Mail\${PRODUCT_NAME}" "" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Clients\Mail\${PRODUCT_NAME}\Capabilities" "ApplicationName" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Clients\Mail\${PRODUCT_NAME}\Capabilities" "ApplicationDescription" "An outbox-first mail client"
  WriteRegStr SHCTX "Software\Clients\Mail\${PRODUCT_NAME}\Capabilities\URLAssociations" "mailto" "OutboxMail.mailto"
  WriteRegStr SHCTX "Software\Clients\Mail\${PRODUCT_NAME}\shell\open\command" "" '"$appExe"'
  WriteRegStr SHCTX "Software\RegisteredApplications" "${PRODUCT_NAME}" "Software\Clients\Mail\${PRODUCT_NAME}\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\RegisteredApplications" "${PRODUCT_NAME}"
  DeleteRegKey SHCTX "Software\Clients\Mail\${PRODUCT_NAME}"
  DeleteRegKey SHCTX "Software\Classes\OutboxMail.mailto"
!macroend
