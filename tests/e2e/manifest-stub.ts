// office-addin-mock imports office-addin-manifest (a Node package) only for this enum; the browser bundle
// of the fake Excel gets this stub instead.
export const OfficeApp = {
  Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word',
} as const
