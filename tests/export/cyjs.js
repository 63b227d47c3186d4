// Loads a Cytoscape.js export in the cytoscape package, headless, and
// checks that it holds as many nodes and edges as the file, each node at
// the file's position.
//   NODE_PATH=DIR node cyjs.js FILE.cyjs
// Prints "ok ..." or "FAIL ..."; exits 1 on a failure.
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');
const file = process.argv[2];
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
const cy = cytoscape({ headless: true, elements: json.elements });
let bad = [];
if (cy.nodes().length !== json.elements.nodes.length ||
    cy.edges().length !== json.elements.edges.length)
  bad.push(`${cy.nodes().length} nodes, ${cy.edges().length} edges loaded`);
for (const n of json.elements.nodes) {
  const p = cy.getElementById(n.data.id).position();
  if (!n.position || p.x !== n.position.x || p.y !== n.position.y)
    bad.push(`node ${n.data.id} at ${p.x},${p.y}`);
}
for (const e of json.elements.edges) {
  const x = cy.getElementById(e.data.id);
  if (x.source().id() !== e.data.source || x.target().id() !== e.data.target)
    bad.push(`edge ${e.data.id}`);
}
if (bad.length) {
  console.log(`FAIL cytoscape loads ${file}: ${bad.slice(0, 3).join('; ')}`);
  process.exit(1);
}
console.log(`ok   cytoscape loads ${file}: same counts and positions`);
