// cytoscape-fcose and cytoscape-svg ship no types; both are cytoscape extensions
// registered with cytoscape.use().
declare module "cytoscape-fcose" {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module "cytoscape-svg" {
  const ext: cytoscape.Ext;
  export default ext;
}
