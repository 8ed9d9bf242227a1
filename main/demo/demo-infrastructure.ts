import fs from 'node:fs'
import path from 'node:path'
import type { CallInput, CallOutput } from '../api/define-call'
import type { baasCalls } from '../baas/contract'
import type { mapCalls } from '../map/contract'

/**
 * Writes the demo practice's CloudFormation template, so the demo imports its data-flow map the
 * way a user would. It follows the AWS HIPAA reference patterns: a PHI VPC (load balancer, app
 * server, encrypted database, documents bucket with an S3 → Lambda → SQS indirection for intake)
 * and a general VPC for the public website, joined by a transit gateway. Names are invented.
 */
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Juniper Ridge Family Practice - practice-management system (demo)
Parameters:
  DocumentsBucketName:
    Type: String
    Default: juniper-ridge-documents
Resources:
  PhiVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
      Tags: [{ Key: Name, Value: phi-vpc }]
  PhiSubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref PhiVpc, CidrBlock: 10.20.1.0/24 }
  PhiSubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref PhiVpc, CidrBlock: 10.20.2.0/24 }
  WebVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.30.0.0/16
      Tags: [{ Key: Name, Value: website-vpc }]
  WebSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref WebVpc, CidrBlock: 10.30.1.0/24 }
  TransitGateway:
    Type: AWS::EC2::TransitGateway
    Properties: { Description: Shared services routing }
  PhiAttachment:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: { TransitGatewayId: !Ref TransitGateway, VpcId: !Ref PhiVpc, SubnetIds: [!Ref PhiSubnetA] }
  WebAttachment:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: { TransitGatewayId: !Ref TransitGateway, VpcId: !Ref WebVpc, SubnetIds: [!Ref WebSubnet] }
  LoadBalancerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: HTTPS from the internet
      VpcId: !Ref PhiVpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }]
  AppGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      VpcId: !Ref PhiVpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 8443, ToPort: 8443, SourceSecurityGroupId: !Ref LoadBalancerGroup }]
  DatabaseGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Database
      VpcId: !Ref PhiVpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppGroup }]
  PortalLoadBalancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
      Subnets: [!Ref PhiSubnetA, !Ref PhiSubnetB]
      SecurityGroups: [!Ref LoadBalancerGroup]
  PortalListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref PortalLoadBalancer
      Protocol: HTTPS
      Port: 443
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref AppTargets }]
  AppTargets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      VpcId: !Ref PhiVpc
      Protocol: HTTPS
      Port: 8443
      Targets: [{ Id: !Ref AppServer }]
  AppServer:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !Ref PhiSubnetA
      SecurityGroupIds: [!Ref AppGroup]
      Tags: [{ Key: Name, Value: practice-management-app }]
  DatabaseSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: PHI database subnets
      SubnetIds: [!Ref PhiSubnetA, !Ref PhiSubnetB]
  PatientDatabase:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      StorageEncrypted: true
      DBSubnetGroupName: !Ref DatabaseSubnets
      VPCSecurityGroups: [!Ref DatabaseGroup]
  DocumentsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref DocumentsBucketName
      BucketEncryption:
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms } }]
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt IntakeFunction.Arn
  IntakeFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::210987654321:role/intake
      Code: { ZipFile: 'exports.handler = async () => {}' }
      Environment:
        Variables:
          QUEUE_URL: !Ref IntakeQueue
  IntakeQueue:
    Type: AWS::SQS::Queue
    Properties: { SqsManagedSseEnabled: true }
  WebsiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: juniper-ridge-website
      WebsiteConfiguration: { IndexDocument: index.html }
`

export function writeDemoInfrastructure(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, TEMPLATE)
  return file
}

type MapDemoCalls = Pick<typeof mapCalls, 'map.import' | 'map.view' | 'map.setPhi' | 'map.updateAsset' | 'map.addFlow' | 'map.review'> &
  Pick<typeof baasCalls, 'baas.list'>
type Call = <K extends keyof MapDemoCalls>(name: K, input: CallInput<MapDemoCalls[K]>) => Promise<CallOutput<MapDemoCalls[K]>>

const BY = 'Dana Whitfield'

/**
 * Imports the template and says what a practice would: the PHI VPC holds PHI, the website's does
 * not, the intake function and queue only orchestrate (object keys, no records), who owns what,
 * the cloud assets covered by the AWS agreement, and the polling no file describes. The transit
 * gateway between the two VPCs is left as it is: the map flags it, as it would a real practice's.
 */
export async function addDemoDataFlowMap(call: Call, dir: string, reviewedOn: string): Promise<void> {
  await call('map.import', { path: writeDemoInfrastructure(path.join(dir, 'infrastructure', 'practice-stack.template.yaml')) })
  const view = await call('map.view', {})
  const zone = (name: string) => view.zones.find(z => z.name === name)!
  const asset = (name: string) => view.assets.find(a => a.name === name)!
  await call('map.setPhi', { type: 'zone', id: zone('PhiVpc').id, phi: 'phi', by: BY })
  await call('map.setPhi', { type: 'zone', id: zone('WebVpc').id, phi: 'general', by: BY })
  await call('map.setPhi', { type: 'asset', id: asset('DocumentsBucket').id, phi: 'phi', by: BY })
  await call('map.setPhi', { type: 'asset', id: asset('WebsiteBucket').id, phi: 'general', by: BY })
  for (const name of ['IntakeFunction', 'IntakeQueue']) await call('map.setPhi', { type: 'asset', id: asset(name).id, phi: 'orchestration', by: BY })
  const aws = (await call('baas.list', {})).find(b => b.name === 'Amazon Web Services')
  const owners: Record<string, string> = {
    PortalLoadBalancer: 'Marcus Oyelaran',
    AppServer: 'Marcus Oyelaran',
    PatientDatabase: 'Dana Whitfield',
    DocumentsBucket: 'Dana Whitfield',
    IntakeFunction: 'Marcus Oyelaran',
    IntakeQueue: 'Marcus Oyelaran'
  }
  for (const [name, owner] of Object.entries(owners)) {
    await call('map.updateAsset', { id: asset(name).id, owner, ...(aws ? { businessAssociateId: aws.id } : {}) })
  }
  // The app server polls the queue for keys, then fetches the document itself (the indirection pattern).
  await call('map.addFlow', {
    from: { type: 'asset', id: asset('IntakeQueue').id },
    to: { type: 'asset', id: asset('AppServer').id },
    label: 'polls for new object keys',
    carries: 'metadata',
    encryptedInTransit: true,
    by: BY
  })
  await call('map.addFlow', {
    from: { type: 'asset', id: asset('DocumentsBucket').id },
    to: { type: 'asset', id: asset('AppServer').id },
    label: 'fetches scanned documents (HTTPS)',
    carries: 'phi',
    encryptedInTransit: true,
    by: BY
  })
  await call('map.review', { reviewedOn, by: BY, note: 'Checked against the running stack.' })
}
